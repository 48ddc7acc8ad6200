package fr.traitant.app.cases;

import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.PhoneNumber;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A case to open. Values are already validated; optional ones may be null ({@code householdId}, {@code email},
 * {@code phone}, {@code commune}).
 */
public record NewCase(
        CaseKind kind,
        Channel channel,
        Motive motive,
        Set<CaseSituation> vulnerabilities,
        @Nullable Long householdId,
        String requesterName,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone,
        @Nullable InseeCode commune,
        String summary,
        Priority priority) {
    public NewCase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(motive, "motive");
        Objects.requireNonNull(priority, "priority");
        vulnerabilities = vulnerabilities == null ? Set.of() : Set.copyOf(vulnerabilities);
        if (!motive.allowedFor(kind)) {
            throw new IllegalArgumentException(
                    "Le motif « " + motive.label() + " » ne relève pas de : " + kind.label() + ".");
        }
        requesterName = requesterName == null ? "" : requesterName.strip();
        if (requesterName.isEmpty() || requesterName.length() > 200) {
            throw new IllegalArgumentException("Le nom du demandeur compte de 1 à 200 caractères.");
        }
        summary = summary == null ? "" : summary.strip();
        if (summary.length() < 10 || summary.length() > 4000) {
            throw new IllegalArgumentException("La description compte de 10 à 4000 caractères.");
        }
    }
}
