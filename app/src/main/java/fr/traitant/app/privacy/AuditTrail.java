package fr.traitant.app.privacy;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.SignedInUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: append one line to the audit trail — who (the signed-in account, or {@code system}), when (the
 * database clock), which person and record, what action and for what purpose. Call it for every read or change
 * of a person's record, in the same transaction as the change (a failed change leaves no trace of a change).
 */
@Service
public class AuditTrail {

    public static final String SYSTEM = "system";

    private final AuditRepository repository;
    private final CurrentUser currentUser;

    AuditTrail(AuditRepository repository, CurrentUser currentUser) {
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /**
     * @param personRef  the person concerned ({@code member:42}), or null when none
     * @param recordType the kind of record ({@code household}, {@code member}, {@code case}, {@code proposal})
     * @param recordId   its id
     * @param purpose    why (French, shown to the DPO), 3–500 characters
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(
            @Nullable String personRef, String recordType, String recordId, AuditAction action, String purpose) {
        recordAll(List.of(new Access(personRef, recordType, recordId)), action, purpose);
    }

    /** One access of {@link #recordAll}: the person concerned (or null) and the record. */
    public record Access(@Nullable String personRef, String recordType, String recordId) {
        public Access {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(recordId, "recordId");
        }
    }

    /**
     * Records several accesses made at once for the same purpose (the rows of a page), as {@link #record} would one by
     * one, in a single statement.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<Access> accesses, AuditAction action, String purpose) {
        Objects.requireNonNull(action, "action");
        String why = checkedPurpose(purpose);
        if (accesses.isEmpty()) {
            return;
        }
        Optional<SignedInUser> user = currentUser.find();
        repository.insertAll(
                user.map(SignedInUser::username).orElse(SYSTEM),
                user.map(SignedInUser::accountId).orElse(null),
                user.map(u -> u.role().name()).orElse(null),
                accesses,
                action,
                why);
    }

    private static String checkedPurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("Le motif de l'accès est obligatoire.");
        }
        if (purpose.strip().length() < 3) {
            throw new IllegalArgumentException(
                    "Le motif de l'accès est trop court : décrivez-le en 3 caractères au moins.");
        }
        if (fr.traitant.app.platform.TextFile.forbiddenControl(purpose) >= 0) {
            throw new IllegalArgumentException("Le motif de l'accès contient un caractère interdit.");
        }
        return purpose.strip().length() > 500 ? purpose.strip().substring(0, 500) : purpose.strip();
    }

    /** The trail of one person, most recent first (for the DPO and data-subject exports). */
    public List<AuditEvent> forPerson(String personRef, int limit) {
        return repository.search(personRef, "", limit);
    }
}
