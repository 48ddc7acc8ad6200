package fr.traitant.app.members;

import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.platform.values.PhoneNumber;
import fr.traitant.app.privacy.PersonalDataHolder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the members module holds about a person ({@code member:<id>}), for the DPO. The export gives the NIR in
 * full (it is the person's own data, handed to them); the DPO's search results show it masked. A household's
 * retention runs from its closure ({@code traitant.retention.periods.household}).
 */
@Component
class MembersPersonalData implements PersonalDataHolder {

    private static final String PREFIX = "member:";
    private static final Map<String, String> FIELDS = Map.of(
            "firstName",
            "Prénom",
            "lastName",
            "Nom",
            "birthDate",
            "Date de naissance (JJ/MM/AAAA)",
            "email",
            "Adresse électronique",
            "phone",
            "Téléphone");

    private final HouseholdRepository repository;
    private final fr.traitant.app.territory.Territory territory;

    MembersPersonalData(HouseholdRepository repository, fr.traitant.app.territory.Territory territory) {
        this.repository = repository;
        this.territory = territory;
    }

    static String personRef(long memberId) {
        return PREFIX + memberId;
    }

    private static Optional<Long> memberId(String personRef) {
        if (personRef == null || !personRef.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(personRef.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String recordKind() {
        return "household";
    }

    @Override
    public List<PersonMatch> findPersons(String query) {
        String nir = Nir.isValid(query) ? Nir.of(query).value() : null;
        return repository.searchMembers(query, nir).stream()
                .map(m -> new PersonMatch(
                        personRef(m.id()),
                        m.firstName() + " " + m.lastName()
                                + (m.nir() == null
                                        ? ""
                                        : " — NIR " + Nir.of(m.nir()).masked())))
                .toList();
    }

    @Override
    public List<PersonalDataSection> export(String personRef) {
        return memberId(personRef)
                .flatMap(repository::findMember)
                .map(m -> {
                    Map<String, String> identity = new LinkedHashMap<>();
                    identity.put("Prénom", m.firstName());
                    identity.put("Nom", m.lastName());
                    identity.put(
                            "Date de naissance",
                            m.birthDate() == null ? "" : fr.traitant.app.platform.FrenchDates.day(m.birthDate()));
                    identity.put("NIR", m.nir() == null ? "" : m.nir());
                    identity.put("Adresse électronique", m.email() == null ? "" : m.email());
                    identity.put("Téléphone", m.phone() == null ? "" : new PhoneNumber(m.phone()).national());
                    Map<String, String> household = new LinkedHashMap<>();
                    repository.findHousehold(m.householdId()).ifPresent(h -> {
                        household.put("Foyer", h.id() + " — " + h.label());
                        household.put("Commune", territory.communeLabel(h.communeCode()));
                        household.put(
                                "Autres membres",
                                String.join(
                                        ", ",
                                        repository.members(h.id()).stream()
                                                .filter(o -> o.id() != m.id())
                                                .map(o -> o.firstName() + " " + o.lastName())
                                                .toList()));
                    });
                    return List.of(
                            new PersonalDataSection("Identité", identity), new PersonalDataSection("Foyer", household));
                })
                .orElse(List.of());
    }

    @Override
    public Map<String, String> rectifiableFields(String personRef) {
        return memberId(personRef).flatMap(repository::findMember).isPresent()
                ? new java.util.TreeMap<>(FIELDS)
                : Map.of();
    }

    @Override
    @Transactional
    public RecordRef rectify(String personRef, String field, String value) {
        HouseholdRepository.MemberRow row = memberId(personRef)
                .flatMap(repository::findMember)
                .orElseThrow(() -> new IllegalArgumentException("Personne inconnue."));
        long id = row.id();
        String v = value == null ? "" : value.strip();
        switch (field) {
            // the same rules as the member import (PersonRules)
            case "firstName" -> repository.updateMember(id, "first_name", PersonRules.name("prénom", v));
            case "lastName" -> repository.updateMember(id, "last_name", PersonRules.name("nom", v));
            case "birthDate" -> {
                LocalDate birth;
                try {
                    birth = v.matches("\\d{2}/\\d{2}/\\d{4}")
                            ? LocalDate.parse(
                                    v,
                                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                                            .withResolverStyle(java.time.format.ResolverStyle.STRICT))
                            : LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "La date de naissance doit être de la forme JJ/MM/AAAA (ou AAAA-MM-JJ).");
                }
                PersonRules.birthDate(
                        birth,
                        row.nir() == null ? null : fr.traitant.app.platform.values.Nir.of(row.nir()),
                        LocalDate.now());
                repository.updateMember(id, "birth_date", birth);
            }
            case "email" ->
                repository.updateMember(id, "email", EmailAddress.of(v).value());
            case "phone" ->
                repository.updateMember(id, "phone", PhoneNumber.of(v).e164());
            default -> throw new IllegalArgumentException("Ce champ ne peut pas être rectifié : " + field);
        }
        return new RecordRef("member", Long.toString(id));
    }

    @Override
    public List<RetentionCandidate> expired(Instant cutoff) {
        return repository.closedBefore(cutoff).stream()
                .map(h -> new RetentionCandidate(
                        "household",
                        Long.toString(h.id()),
                        "Foyer clos (" + repository.members(h.id()).size() + " membre(s))",
                        java.util.Objects.requireNonNull(h.closedAt())))
                .toList();
    }

    @Override
    @Transactional
    public int purge(List<RetentionCandidate> candidates) {
        return PersonalDataHolder.purgeEach(candidates, repository::deleteHousehold);
    }
}
