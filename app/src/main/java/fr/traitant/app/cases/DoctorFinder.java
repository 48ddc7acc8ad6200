package fr.traitant.app.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Port: the doctors an agent can contact from a case, near a commune, members of the "médecins solidaires" network
 * first, then those accepting new patients. The cases module only needs this narrow search; the directory module
 * provides the real one (wire its search facade here when both modules meet, see ARCHITECTURE.md). Until then
 * {@link AccountDoctorFinder} lists the doctors who have an account.
 */
public interface DoctorFinder {

    /**
     * @param communeCode INSEE code of the household's commune, or null
     * @param name        part of the doctor's name, or blank
     * @param limit       at most this many (1–50)
     */
    List<DoctorCandidate> near(@Nullable String communeCode, String name, int limit);

    /** A doctor previously returned by {@link #near}, by its ref. */
    java.util.Optional<DoctorCandidate> find(String ref);
}
