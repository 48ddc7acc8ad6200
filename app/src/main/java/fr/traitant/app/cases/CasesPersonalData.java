package fr.traitant.app.cases;

import fr.traitant.app.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the cases module holds about a person ({@code member:<id>}, through the household the case concerns), for
 * the DPO's export: one section per case with its journal. Cases are not rectified here (the journal is a record
 * of what happened; a correction is a new journal line). Retention runs from closure
 * ({@code traitant.retention.periods.case}); purging a case removes its journal with it.
 */
@Component
class CasesPersonalData implements PersonalDataHolder {

    private final CaseRepository repository;

    CasesPersonalData(CaseRepository repository) {
        this.repository = repository;
    }

    @Override
    public String recordKind() {
        return "case";
    }

    @Override
    public List<PersonMatch> findPersons(String query) {
        return List.of(); // persons are found through the members module; cases hang on them
    }

    @Override
    public List<PersonalDataSection> export(String personRef) {
        return repository.ofPerson(personRef).stream()
                .map(c -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("Référence", c.reference());
                    fields.put("Type", c.kind().label());
                    fields.put("Canal", c.channel().label());
                    fields.put("Motif", c.motive().label());
                    fields.put(
                            "Vulnérabilités",
                            String.join(
                                    ", ",
                                    c.vulnerabilities().stream()
                                            .map(CaseSituation::label)
                                            .toList()));
                    fields.put("Demandeur", c.requesterName());
                    fields.put("Adresse électronique", c.requesterEmail() == null ? "" : c.requesterEmail());
                    fields.put(
                            "Téléphone",
                            c.requesterPhone() == null
                                    ? ""
                                    : new fr.traitant.app.platform.values.PhoneNumber(c.requesterPhone()).national());
                    fields.put("Commune", c.communeCode() == null ? "" : c.communeCode());
                    fields.put("Description", c.summary());
                    fields.put(
                            "État",
                            c.status().label()
                                    + (c.outcome() == null
                                            ? ""
                                            : " — " + c.outcome().label()));
                    fields.put("Reçu le", c.receivedAt().toString());
                    fields.put(
                            "Clôturé le",
                            c.closedAt() == null ? "" : c.closedAt().toString());
                    fields.put("Médecin proposé", c.doctorName() == null ? "" : c.doctorName());
                    fields.put(
                            "Avis",
                            c.satisfactionScore() == null
                                    ? ""
                                    : c.satisfactionScore() + "/5"
                                            + (c.satisfactionComment() == null ? "" : " — " + c.satisfactionComment()));
                    repository
                            .journal(c.id())
                            .forEach(j -> fields.put(
                                    "Journal " + j.id() + " — " + j.occurredAt(),
                                    j.kind().label() + " (" + j.author() + ") : " + j.text()));
                    return new PersonalDataSection("Dossier " + c.reference(), fields);
                })
                .toList();
    }

    @Override
    public Map<String, String> rectifiableFields(String personRef) {
        return Map.of();
    }

    @Override
    public RecordRef rectify(String personRef, String field, String value) {
        throw new IllegalArgumentException(
                "Les dossiers ne se rectifient pas ici : ajoutez une note au journal du dossier.");
    }

    @Override
    public List<RetentionCandidate> expired(Instant cutoff) {
        return repository.closedBefore(cutoff).stream()
                .map(c -> new RetentionCandidate(
                        "case",
                        Long.toString(c.id()),
                        "Dossier " + c.reference() + " clos (" + c.kind().label() + ")",
                        java.util.Objects.requireNonNull(c.closedAt())))
                .toList();
    }

    @Override
    @Transactional
    public int purge(List<RetentionCandidate> candidates) {
        return PersonalDataHolder.purgeEach(candidates, repository::delete);
    }
}
