package fr.traitant.app.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Implemented by every module that holds personal data (members today; cases and proposals later), so that the
 * DPO can find a person, export and rectify what is held about them, and apply the retention policy — without
 * the privacy module ever reading another module's tables. Implementations do not audit: the privacy module does.
 */
public interface PersonalDataHolder {

    /** The record kind, key of the retention settings ({@code traitant.retention.periods.<kind>}). */
    String recordKind();

    /** Persons matching a name or identifier, for the DPO's search (labels must mask identifiers such as the NIR). */
    List<PersonMatch> findPersons(String query);

    /** Everything held about the person, in sections, or empty when this holder knows nothing of them. */
    List<PersonalDataSection> export(String personRef);

    /** The field names {@link #rectify} accepts, with their French labels. */
    Map<String, String> rectifiableFields(String personRef);

    /**
     * Corrects one field (values validated by the holder).
     *
     * @return the record touched, for the audit trail
     * @throws IllegalArgumentException with a French message when the value is invalid or the field unknown
     */
    RecordRef rectify(String personRef, String field, String value);

    /** Records whose retention ended before {@code cutoff} (the holder decides from which date it counts). */
    List<RetentionCandidate> expired(Instant cutoff);

    /** Deletes these records (previously listed by {@link #expired}); returns how many were deleted. */
    int purge(List<RetentionCandidate> candidates);

    /** Deletes each candidate's record with {@code delete}, given its id as a number; returns how many were deleted. */
    static int purgeEach(List<RetentionCandidate> candidates, java.util.function.LongToIntFunction delete) {
        int deleted = 0;
        for (RetentionCandidate c : candidates) {
            deleted += delete.applyAsInt(Long.parseLong(c.recordId()));
        }
        return deleted;
    }

    /** A person found by the DPO. */
    record PersonMatch(String personRef, String label) {}

    /** A record, for the audit trail. */
    record RecordRef(String recordType, String recordId) {}

    /** A titled group of fields ("Identité", "Foyer"…); values as shown to the person. */
    record PersonalDataSection(String title, Map<String, String> fields) {
        public PersonalDataSection {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** A record the retention policy would delete: kind, id, a description without personal data, the reference date. */
    record RetentionCandidate(String recordKind, String recordId, String description, Instant since) {}
}
