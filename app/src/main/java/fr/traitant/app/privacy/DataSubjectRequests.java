package fr.traitant.app.privacy;

import fr.traitant.app.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-subject requests handled by the DPO: find a person, export everything held about them (every holder's
 * sections and the audit trail of their records), rectify a field. Each export and rectification is audited.
 */
@Service
class DataSubjectRequests {

    static final int AUDIT_LINES_IN_EXPORT = 1000;

    /** Everything held about one person. */
    record Export(
            String personRef,
            List<PersonalDataHolder.PersonalDataSection> sections,
            List<AuditEvent> accesses,
            Map<String, String> rectifiableFields) {}

    private final List<PersonalDataHolder> holders;
    private final AuditTrail auditTrail;

    DataSubjectRequests(List<PersonalDataHolder> holders, AuditTrail auditTrail) {
        this.holders = holders;
        this.auditTrail = auditTrail;
    }

    List<PersonalDataHolder.PersonMatch> find(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<PersonalDataHolder.PersonMatch> found = new ArrayList<>();
        holders.forEach(h -> found.addAll(h.findPersons(query.strip())));
        return found;
    }

    @Transactional
    Export export(String personRef, String purpose) {
        List<PersonalDataHolder.PersonalDataSection> sections = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            sections.addAll(holder.export(personRef));
            fields.putAll(holder.rectifiableFields(personRef));
        }
        if (sections.isEmpty()) {
            throw new NotFoundException("Aucune donnée n'est détenue sur la personne " + personRef + ".");
        }
        List<AuditEvent> accesses = auditTrail.forPerson(personRef, AUDIT_LINES_IN_EXPORT);
        auditTrail.record(personRef, "person", personRef, AuditAction.EXPORT, purpose);
        return new Export(personRef, sections, accesses, fields);
    }

    @Transactional
    void rectify(String personRef, String field, String value, String purpose) {
        for (PersonalDataHolder holder : holders) {
            if (holder.rectifiableFields(personRef).containsKey(field)) {
                PersonalDataHolder.RecordRef touched = holder.rectify(personRef, field, value);
                auditTrail.record(
                        personRef,
                        touched.recordType(),
                        touched.recordId(),
                        AuditAction.UPDATE,
                        purpose + " (champ " + field + ")");
                return;
            }
        }
        throw new IllegalArgumentException("Ce champ ne peut pas être rectifié ici : " + field);
    }
}
