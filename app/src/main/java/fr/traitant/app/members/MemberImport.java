package fr.traitant.app.members;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.platform.values.PhoneNumber;
import fr.traitant.app.platform.values.Rpps;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.app.territory.Commune;
import fr.traitant.app.territory.Territory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: imports the fund's extract of beneficiaries (CSV, {@code ;}-separated, UTF-8, header line). Every line is
 * checked first; one bad line refuses the whole file ({@link MemberImportRefused}, each error "ligne N : raison") and
 * nothing is written. A known beneficiary ({@code beneficiaire}) is updated, an unknown one created; households are
 * found or created by {@code foyer}. Every created or updated member is audited.
 */
@Service
public class MemberImport {

    /** Columns of the extract, in this order in the header (documented in the README). */
    public static final List<String> COLUMNS = List.of("foyer", "beneficiaire", "categorie", "nir", "prenom", "nom",
            "date_naissance", "sexe", "commune", "ald", "vulnerabilites", "medecin_traitant", "rpps_medecin_traitant",
            "courriel", "telephone", "consentement_contact");
    static final String PURPOSE = "Import de l'extrait du fichier des bénéficiaires";

    /** What an import did. */
    public record Result(int lines, int householdsCreated, int membersCreated, int membersUpdated) {}

    record Line(long line, String household, String beneficiary, MemberCategory category, Nir nir, String firstName,
                String lastName, LocalDate birthDate, String sex, Commune commune, LongTermCondition condition,
                List<Vulnerability> vulnerabilities, boolean hasDoctor, Rpps doctorRpps, EmailAddress email, PhoneNumber phone,
                boolean consent) {
        @Override
        public String toString() {
            return "Line[" + line + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Territory territory;
    private final AuditTrail auditTrail;

    MemberImport(JdbcClient jdbc, Territory territory, AuditTrail auditTrail) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.auditTrail = auditTrail;
    }

    /** Imports the file whole or not at all. */
    @Transactional
    public Result importCsv(Reader csv) {
        List<Line> lines = read(csv);
        Map<String, Long> households = new HashMap<>();
        int householdsCreated = 0;
        int created = 0;
        int updated = 0;
        for (Line l : lines) {
            Long householdId = households.get(l.household());
            if (householdId == null) {
                var existing = jdbc.sql("select id from household where external_ref = :ref").param("ref", l.household())
                        .query(Long.class).optional();
                if (existing.isPresent()) {
                    householdId = existing.get();
                    jdbc.sql("update household set commune_code = :c, lat = :lat, lon = :lon where id = :id")
                            .param("c", l.commune().code()).param("lat", l.commune().lat()).param("lon", l.commune().lon())
                            .param("id", householdId).update();
                } else {
                    householdId = jdbc.sql("""
                                    insert into household (label, external_ref, commune_code, lat, lon)
                                    values (:label, :ref, :c, :lat, :lon) returning id""")
                            .param("label", "Foyer " + l.lastName()).param("ref", l.household()).param("c", l.commune().code())
                            .param("lat", l.commune().lat()).param("lon", l.commune().lon()).query(Long.class).single();
                    householdsCreated++;
                }
                households.put(l.household(), householdId);
            }
            var memberId = jdbc.sql("select id from member where external_ref = :ref").param("ref", l.beneficiary())
                    .query(Long.class).optional();
            String columns = """
                    household_id = :household, category = :category, nir = :nir, first_name = :first, last_name = :last,
                    birth_date = :birth, sex = :sex, long_term_condition = :ald, vulnerabilities = :vuln::text[],
                    has_declared_doctor = :hasDoctor, declared_doctor_rpps = :rpps, email = :email, phone = :phone,
                    consent_to_contact = :consent""";
            var statement = memberId.isPresent()
                    ? jdbc.sql("update member set " + columns + " where id = :id returning id").param("id", memberId.get())
                    : jdbc.sql("""
                            insert into member (household_id, category, nir, first_name, last_name, birth_date, sex,
                                                long_term_condition, vulnerabilities, has_declared_doctor, declared_doctor_rpps,
                                                email, phone, consent_to_contact, external_ref)
                            values (:household, :category, :nir, :first, :last, :birth, :sex, :ald, :vuln::text[], :hasDoctor,
                                    :rpps, :email, :phone, :consent, :ref) returning id""").param("ref", l.beneficiary());
            long id = statement.param("household", householdId).param("category", l.category().name())
                    .param("nir", l.nir() == null ? null : l.nir().value()).param("first", l.firstName()).param("last", l.lastName())
                    .param("birth", l.birthDate()).param("sex", l.sex())
                    .param("ald", l.condition() == null ? null : l.condition().name())
                    .param("vuln", "{" + String.join(",", l.vulnerabilities().stream().map(Enum::name).toList()) + "}")
                    .param("hasDoctor", l.hasDoctor()).param("rpps", l.doctorRpps() == null ? null : l.doctorRpps().value())
                    .param("email", l.email() == null ? null : l.email().value())
                    .param("phone", l.phone() == null ? null : l.phone().e164()).param("consent", l.consent())
                    .query(Long.class).single();
            auditTrail.record(MembersPersonalData.personRef(id), "member", Long.toString(id),
                    memberId.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, PURPOSE);
            if (memberId.isPresent()) {
                updated++;
            } else {
                created++;
            }
        }
        return new Result(lines.size(), householdsCreated, created, updated);
    }

    /** Reads and checks every line; refuses the file at the first pass if any line is wrong. */
    List<Line> read(Reader csv) {
        List<Line> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> beneficiaries = new HashSet<>();
        Map<String, String> nirs = new HashMap<>();
        Map<String, String> householdCommunes = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().fieldSeparator(';').allowMissingFields(true)
                .allowExtraFields(true).ofNamedCsvRecord(csv)) {
            boolean headerChecked = false;
            for (NamedCsvRecord record : reader) {
                if (!headerChecked) {
                    List<String> missing = COLUMNS.stream().filter(c -> !record.getHeader().contains(c)).toList();
                    if (!missing.isEmpty()) {
                        throw new MemberImportRefused(List.of("ligne 1 : colonne(s) manquante(s) " + String.join(", ", missing)));
                    }
                    headerChecked = true;
                }
                long line = record.getStartingLineNumber();
                try {
                    Line l = parse(line, record);
                    if (!beneficiaries.add(l.beneficiary())) {
                        throw new IllegalArgumentException("bénéficiaire " + l.beneficiary() + " en double dans le fichier");
                    }
                    if (l.nir() != null) {
                        String previous = nirs.putIfAbsent(l.nir().value(), l.beneficiary());
                        if (previous != null) {
                            throw new IllegalArgumentException("NIR en double dans le fichier (bénéficiaire " + previous + ")");
                        }
                        String owner = jdbc.sql("select coalesce(external_ref, '#' || id) from member where nir = :nir")
                                .param("nir", l.nir().value()).query(String.class).optional().orElse(null);
                        if (owner != null && !owner.equals(l.beneficiary())) {
                            throw new IllegalArgumentException("NIR déjà enregistré pour un autre bénéficiaire");
                        }
                    }
                    String commune = householdCommunes.putIfAbsent(l.household(), l.commune().code());
                    if (commune != null && !commune.equals(l.commune().code())) {
                        throw new IllegalArgumentException("le foyer " + l.household() + " a deux communes (" + commune + ", "
                                + l.commune().code() + ")");
                    }
                    lines.add(l);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    errors.add("ligne " + line + " : " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new MemberImportRefused(List.of("fichier illisible : " + e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new MemberImportRefused(List.of("fichier illisible : " + e.getMessage()));
        } catch (CsvParseException e) {
            throw new MemberImportRefused(List.of("CSV mal formé : " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new MemberImportRefused(errors);
        }
        if (lines.isEmpty()) {
            throw new MemberImportRefused(List.of("aucun bénéficiaire dans le fichier"));
        }
        return lines;
    }

    private Line parse(long line, NamedCsvRecord r) {
        if (r.getFieldCount() != r.getHeader().size()) {
            throw new IllegalArgumentException(r.getHeader().size() + " champs attendus, " + r.getFieldCount() + " trouvés");
        }
        String household = required(r, "foyer");
        String beneficiary = required(r, "beneficiaire");
        if (household.length() > 64 || beneficiary.length() > 64) {
            throw new IllegalArgumentException("identifiant de foyer ou de bénéficiaire trop long (64 caractères au plus)");
        }
        MemberCategory category = oneOf(MemberCategory.class, required(r, "categorie"), "categorie");
        String nirText = r.getField("nir").strip();
        if (!nirText.isEmpty() && !Nir.isValid(nirText)) {
            throw new IllegalArgumentException("NIR invalide (forme ou clé)");
        }
        if (nirText.isEmpty() && category.insured()) {
            throw new IllegalArgumentException("NIR obligatoire pour un assuré");
        }
        String first = required(r, "prenom");
        String last = required(r, "nom");
        if (first.length() > 100 || last.length() > 100) {
            throw new IllegalArgumentException("nom ou prénom trop long (100 caractères au plus)");
        }
        String birthText = required(r, "date_naissance");
        LocalDate birth;
        try {
            birth = LocalDate.parse(birthText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date de naissance invalide '" + birthText + "' (AAAA-MM-JJ attendu)");
        }
        if (birth.isAfter(LocalDate.now()) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            throw new IllegalArgumentException("date de naissance impossible " + birth);
        }
        String sex = r.getField("sexe").strip().toUpperCase(Locale.ROOT);
        if (!sex.isEmpty() && !sex.equals("M") && !sex.equals("F")) {
            throw new IllegalArgumentException("sexe invalide '" + sex + "' (M ou F)");
        }
        String communeCode = required(r, "commune");
        Commune commune = territory.findCommune(communeCode)
                .orElseThrow(() -> new IllegalArgumentException("commune inconnue '" + communeCode + "'"));
        String ald = r.getField("ald").strip();
        LongTermCondition condition = ald.isEmpty() ? null : oneOf(LongTermCondition.class, ald, "ald");
        List<Vulnerability> vulnerabilities = Arrays.stream(r.getField("vulnerabilites").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> oneOf(Vulnerability.class, s, "vulnerabilites")).distinct().toList();
        boolean hasDoctor = yesNo(r, "medecin_traitant");
        String rppsText = r.getField("rpps_medecin_traitant").strip();
        Rpps rpps = rppsText.isEmpty() ? null : Rpps.of(rppsText);
        if (rpps != null && !hasDoctor) {
            throw new IllegalArgumentException("RPPS d'un médecin traitant alors que medecin_traitant = non");
        }
        String email = r.getField("courriel").strip();
        String phone = r.getField("telephone").strip();
        return new Line(line, household, beneficiary, category, nirText.isEmpty() ? null : Nir.of(nirText), first, last, birth,
                sex.isEmpty() ? null : sex, commune, condition, vulnerabilities, hasDoctor, rpps,
                email.isEmpty() ? null : EmailAddress.of(email), phone.isEmpty() ? null : PhoneNumber.of(phone),
                yesNo(r, "consentement_contact"));
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String text, String column) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " inconnu(e) '" + text + "' (valeurs : "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }

    private static boolean yesNo(NamedCsvRecord r, String column) {
        return switch (r.getField(column).strip().toLowerCase(Locale.ROOT)) {
            case "oui" -> true;
            case "non", "" -> false;
            default -> throw new IllegalArgumentException(column + " : « oui » ou « non » attendu");
        };
    }

    private static String required(NamedCsvRecord r, String column) {
        String value = r.getField(column).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column + " vide");
        }
        return value;
    }
}
