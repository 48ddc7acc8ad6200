package fr.traitant.app.members;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Facade: imports the fund's extract of beneficiaries (CSV, {@code ;}-separated, UTF-8, header line). Every line is
 * checked first; one bad line refuses the whole file ({@link MemberImportRefused}, each error "ligne N : raison") and
 * nothing is written. A known beneficiary ({@code beneficiaire}) is updated, an unknown one created; households are
 * found or created by {@code foyer}. Every created or updated member is audited.
 */
@Service
public class MemberImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MemberImport.class);

    /** Lines between two progress lines of the log. */
    static final int PROGRESS_LINES = 5_000;

    /** Columns of the extract, in this order in the header (documented in the README). */
    public static final List<String> COLUMNS = List.of(
            "foyer",
            "beneficiaire",
            "categorie",
            "nir",
            "prenom",
            "nom",
            "date_naissance",
            "sexe",
            "commune",
            "ald",
            "vulnerabilites",
            "medecin_traitant",
            "rpps_medecin_traitant",
            "courriel",
            "telephone",
            "consentement_contact");

    static final String PURPOSE = "Import de l'extrait du fichier des bénéficiaires";

    /** What an import did. */
    public record Result(int lines, int householdsCreated, int membersCreated, int membersUpdated) {}

    private final JdbcClient jdbc;
    private final Territory territory;
    private final AuditTrail auditTrail;

    private final PopulationFigures figures;

    MemberImport(JdbcClient jdbc, Territory territory, AuditTrail auditTrail, PopulationFigures figures) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.auditTrail = auditTrail;
        this.figures = figures;
    }

    /** Imports the file whole or not at all (tests and small files: the text is held in memory). */
    @Transactional
    public Result importCsv(Reader csv) {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            csv.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return importCsv(new org.springframework.core.io.ByteArrayResource(
                text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Imports the file whole or not at all. The file is read twice — checked, then written — so that memory does not
     * grow with its size; a file with errors is refused after the check (at most {@value #MAX_ERRORS} errors reported,
     * reading stops there). One import at a time: a second one is refused with a conflict while the first runs.
     *
     * @throws MemberImportRefused listing the errors ("ligne N : raison"); nothing written
     * @throws fr.traitant.app.platform.ConflictException when another import of the file runs
     */
    @Transactional
    public Result importCsv(org.springframework.core.io.InputStreamSource file) {
        boolean alone = jdbc.sql("select pg_try_advisory_xact_lock(7302, 0)")
                .query(Boolean.class)
                .single();
        if (!alone) {
            throw new fr.traitant.app.platform.ConflictException(
                    "Un import du fichier des bénéficiaires est déjà en cours :"
                            + " attendez qu'il se termine (son résultat s'affichera pour la personne qui l'a lancé), puis recommencez.");
        }
        int lines = check(file);
        // the population figures count the file's members: computed again once this import is committed
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                figures.forget();
            }
        });
        Map<String, Long> households = new HashMap<>();
        int[] counts = new int[3]; // households created, members created, members updated
        Map<String, Optional<CommuneSummary>> communes = new HashMap<>();
        int[] written = {0};
        each(file, (line, record) -> {
            write(MemberLines.parse(line, record, communes, territory::findCommune), households, counts);
            // a long import says how far it is (the whole file commits at the end, or nothing)
            if (++written[0] % PROGRESS_LINES == 0)
                log.info("Member import: {} of {} lines written", written[0], lines);
        });
        return new Result(lines, counts[0], counts[1], counts[2]);
    }

    private void write(MemberLines.Line l, Map<String, Long> households, int[] counts) {
        Long householdId = households.get(l.household());
        if (householdId == null) {
            var existing = jdbc.sql("select id from household where external_ref = :ref")
                    .param("ref", l.household())
                    .query(Long.class)
                    .optional();
            if (existing.isPresent()) {
                householdId = existing.get();
                jdbc.sql("update household set commune_code = :c, lat = :lat, lon = :lon where id = :id")
                        .param("c", l.commune().code())
                        .param("lat", l.commune().lat())
                        .param("lon", l.commune().lon())
                        .param("id", householdId)
                        .update();
            } else {
                householdId = jdbc.sql("""
                                insert into household (label, external_ref, commune_code, lat, lon)
                                values (:label, :ref, :c, :lat, :lon) returning id""")
                        .param("label", "Foyer " + l.lastName())
                        .param("ref", l.household())
                        .param("c", l.commune().code())
                        .param("lat", l.commune().lat())
                        .param("lon", l.commune().lon())
                        .query(Long.class)
                        .single();
                counts[0]++;
            }
            households.put(l.household(), householdId);
        }
        var memberId = jdbc.sql("select id from member where external_ref = :ref")
                .param("ref", l.beneficiary())
                .query(Long.class)
                .optional();
        String columns = """
                household_id = :household, category = :category, nir = :nir, first_name = :first, last_name = :last,
                birth_date = :birth, sex = :sex, long_term_condition = :ald, vulnerabilities = :vuln::text[],
                has_declared_doctor = :hasDoctor, declared_doctor_rpps = :rpps, email = :email, phone = :phone,
                consent_to_contact = :consent""";
        var statement = memberId.isPresent()
                ? jdbc.sql("update member set " + columns + " where id = :id returning id")
                        .param("id", memberId.get())
                : jdbc.sql("""
                        insert into member (household_id, category, nir, first_name, last_name, birth_date, sex,
                                            long_term_condition, vulnerabilities, has_declared_doctor, declared_doctor_rpps,
                                            email, phone, consent_to_contact, external_ref)
                        values (:household, :category, :nir, :first, :last, :birth, :sex, :ald, :vuln::text[], :hasDoctor,
                                :rpps, :email, :phone, :consent, :ref) returning id""").param("ref", l.beneficiary());
        long id = statement
                .param("household", householdId)
                .param("category", l.category().name())
                .param("nir", l.nir() == null ? null : l.nir().value())
                .param("first", l.firstName())
                .param("last", l.lastName())
                .param("birth", l.birthDate())
                .param("sex", l.sex())
                .param("ald", l.condition() == null ? null : l.condition().name())
                .param(
                        "vuln",
                        "{"
                                + String.join(
                                        ",",
                                        l.vulnerabilities().stream()
                                                .map(Enum::name)
                                                .toList()) + "}")
                .param("hasDoctor", l.hasDoctor())
                .param("rpps", l.doctorRpps() == null ? null : l.doctorRpps().value())
                .param("email", l.email() == null ? null : l.email().value())
                .param("phone", l.phone() == null ? null : l.phone().e164())
                .param("consent", l.consent())
                .query(Long.class)
                .single();
        auditTrail.record(
                MembersPersonalData.personRef(id),
                "member",
                Long.toString(id),
                memberId.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                PURPOSE);
        counts[memberId.isPresent() ? 2 : 1]++;
    }

    /** Errors reported before the check stops reading. */
    static final int MAX_ERRORS = 100;
    /** NIRs checked against the database per query. */
    private static final int NIR_BATCH = 5_000;

    /**
     * Reads and checks every line without keeping them (identifiers only); refuses the file if any line is wrong.
     *
     * @return the number of beneficiaries
     */
    int check(org.springframework.core.io.InputStreamSource file) {
        List<String> errors = new ArrayList<>();
        Set<String> beneficiaries = new HashSet<>();
        Map<String, String> nirs = new HashMap<>();
        Map<String, String> householdCommunes = new HashMap<>();
        Map<String, Long> pendingNirs = new LinkedHashMap<>(); // nir -> line, checked against the database in batches
        Map<String, String> pendingOwners = new HashMap<>();
        Map<String, Optional<CommuneSummary>> communes = new HashMap<>();
        int[] count = {0};
        try {
            each(file, (line, record) -> {
                if (errors.size() >= MAX_ERRORS) {
                    throw new StopReading();
                }
                try {
                    MemberLines.Line l = MemberLines.parse(line, record, communes, territory::findCommune);
                    if (!beneficiaries.add(l.beneficiary())) {
                        throw new IllegalArgumentException(
                                "bénéficiaire " + l.beneficiary() + " en double dans le fichier");
                    }
                    if (l.nir() != null) {
                        String previous = nirs.putIfAbsent(l.nir().value(), l.beneficiary());
                        if (previous != null) {
                            throw new IllegalArgumentException(
                                    "NIR en double dans le fichier (bénéficiaire " + previous + ")");
                        }
                        pendingNirs.put(l.nir().value(), line);
                        pendingOwners.put(l.nir().value(), l.beneficiary());
                        if (pendingNirs.size() >= NIR_BATCH) {
                            checkNirs(pendingNirs, pendingOwners, errors);
                        }
                    }
                    String commune = householdCommunes.putIfAbsent(
                            l.household(), l.commune().code());
                    if (commune != null && !commune.equals(l.commune().code())) {
                        throw new IllegalArgumentException("le foyer " + l.household() + " a deux communes (" + commune
                                + ", " + l.commune().code() + ")");
                    }
                    count[0]++;
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    errors.add("ligne " + line + " : " + e.getMessage());
                }
            });
            checkNirs(pendingNirs, pendingOwners, errors);
        } catch (StopReading stop) {
            errors.add("… lecture arrêtée après " + MAX_ERRORS
                    + " erreurs : corrigez-les et importez le fichier de nouveau");
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingLong(MemberImport::lineOf));
            throw new MemberImportRefused(errors);
        }
        if (count[0] == 0) {
            throw new MemberImportRefused(List.of("aucun bénéficiaire dans le fichier"));
        }
        return count[0];
    }

    private static long lineOf(String error) {
        var m = java.util.regex.Pattern.compile("^ligne (\\d+)").matcher(error);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** A NIR already held by another beneficiary in the database: one query for a whole batch. */
    private void checkNirs(Map<String, Long> pending, Map<String, String> owners, List<String> errors) {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.sql("select nir, coalesce(external_ref, '#' || id) from member where nir = any(:nirs)")
                .param("nirs", pending.keySet().toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(found -> {
                    if (!found.getValue().equals(owners.get(found.getKey()))) {
                        errors.add("ligne " + pending.get(found.getKey())
                                + " : NIR déjà enregistré pour un autre bénéficiaire");
                    }
                });
        pending.clear();
        owners.clear();
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Calls {@code action} for each line of the file after the header (checked), refusing unreadable files. */
    private void each(
            org.springframework.core.io.InputStreamSource file,
            java.util.function.BiConsumer<Long, NamedCsvRecord> action) {
        try (Reader text = fr.traitant.app.platform.TextFile.utf8(file.getInputStream());
                CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                        .fieldSeparator(';')
                        .allowMissingFields(true)
                        .allowExtraFields(true)
                        .ofNamedCsvRecord(text)) {
            boolean headerChecked = false;
            for (NamedCsvRecord record : reader) {
                if (!headerChecked) {
                    List<String> missing = fr.traitant.app.platform.SemicolonCsv.missingColumns(record, COLUMNS);
                    if (!missing.isEmpty()) {
                        throw new MemberImportRefused(
                                List.of("ligne 1 : colonne(s) manquante(s) " + String.join(", ", missing)
                                        + (record.getHeader().size() == 1
                                                ? " (le séparateur attendu est le point-virgule « ; »)"
                                                : "")));
                    }
                    headerChecked = true;
                }
                action.accept(record.getStartingLineNumber(), record);
            }
        } catch (fr.traitant.app.platform.TextFile.Refused | IOException | UncheckedIOException | CsvParseException e) {
            throw new MemberImportRefused(List.of(fr.traitant.app.platform.TextFile.readFailure(e)));
        }
    }
}
