package fr.traitant.app.cases;

import fr.traitant.app.directory.DoctorHit;
import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.DoctorSearch;
import fr.traitant.app.directory.DoctorSearchCriteria;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * {@link DoctorFinder} on the directory's search (ADR 0021, wired when the directory was merged): near the household's
 * commune (50 km), "médecins solidaires" first, then doctors accepting new patients, by estimated travel time; the
 * doctor's account (for a proposal) is found by RPPS. Doctors who have an account but are not (yet) in the directory
 * are still listed after them, through {@link AccountDoctorFinder}, so that no one an agent could reach before is lost.
 */
@Component
@Primary
class DirectoryDoctorFinder implements DoctorFinder {

    private static final String PREFIX = "doctor:";
    private static final double RADIUS_KM = 50;

    private final DoctorSearch search;
    private final Doctors doctors;
    private final Accounts accounts;
    private final AccountDoctorFinder accountDoctors;

    DirectoryDoctorFinder(DoctorSearch search, Doctors doctors, Accounts accounts, AccountDoctorFinder accountDoctors) {
        this.search = search;
        this.doctors = doctors;
        this.accounts = accounts;
        this.accountDoctors = accountDoctors;
    }

    @Override
    public List<DoctorCandidate> near(@Nullable String communeCode, String name, int limit) {
        int wanted = Math.max(1, Math.min(limit, 50));
        String who = name == null ? "" : name.strip();
        Map<String, DoctorCandidate> found = new LinkedHashMap<>();
        Optional<DoctorSearch.Place> place = Optional.empty();
        if (communeCode != null && !communeCode.isBlank()) {
            try {
                place = Optional.of(search.resolvePlace(communeCode.strip()));
            } catch (IllegalArgumentException | NotFoundException e) {
                throw new IllegalArgumentException("Aucune commune ne correspond à « " + communeCode.strip()
                        + " » : saisissez un nom de commune, un code postal ou un code INSEE.");
            }
        }
        if (place.isPresent() || !who.isEmpty()) {
            for (boolean networkOnly : new boolean[] {true, false}) {
                DoctorSearchCriteria criteria = new DoctorSearchCriteria(
                        place.map(DoctorSearch.Place::point),
                        who,
                        !networkOnly,
                        networkOnly,
                        false,
                        "",
                        false,
                        false,
                        "",
                        RADIUS_KM,
                        wanted);
                for (DoctorHit hit : search.search(criteria, place).doctors()) {
                    if (found.size() < wanted) {
                        found.putIfAbsent(PREFIX + hit.id(), candidate(hit));
                    }
                }
            }
        }
        if (found.size() < wanted) {
            for (DoctorCandidate c : accountDoctors.near(communeCode, who, wanted)) {
                boolean known = c.accountId() != null
                        && found.values().stream().anyMatch(f -> c.accountId().equals(f.accountId()));
                if (!known && found.size() < wanted) {
                    found.putIfAbsent(c.ref(), c);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public Optional<DoctorCandidate> find(String ref) {
        if (ref != null && ref.startsWith(PREFIX)) {
            return doctors.findProfile(ref.substring(PREFIX.length()))
                    .filter(DoctorProfile::active)
                    .map(this::candidate);
        }
        return accountDoctors.find(ref);
    }

    private DoctorCandidate candidate(DoctorHit hit) {
        Long account = hit.rpps().isEmpty()
                ? null
                : accounts.findDoctorByRpps(hit.rpps())
                        .map(SignedInUser::accountId)
                        .orElse(null);
        return new DoctorCandidate(
                PREFIX + hit.id(),
                hit.name() + (hit.synthetic() ? " (fictif)" : ""),
                account,
                hit.communeCode(),
                hit.communeName(),
                hit.networkMember(),
                "ACCEPTING".equals(hit.newPatients()));
    }

    private DoctorCandidate candidate(DoctorProfile p) {
        Long account = p.rpps()
                .flatMap(accounts::findDoctorByRpps)
                .map(SignedInUser::accountId)
                .orElse(null);
        return new DoctorCandidate(
                PREFIX + p.id(),
                p.displayName() + (p.synthetic() ? " (fictif)" : ""),
                account,
                p.mainLocation().communeCode(),
                null,
                p.networkMember(),
                p.newPatients().name().equals("ACCEPTING"));
    }
}
