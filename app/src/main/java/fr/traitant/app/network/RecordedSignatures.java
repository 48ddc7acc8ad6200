package fr.traitant.app.network;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures made outside Traitant, recorded by the network manager: a charter signed on paper (the scan's reference)
 * and a file of existing signatories (checked whole: one bad line refuses the file). Each becomes a signature of the
 * current version, like an online one ({@link Charter}).
 */
@Service
public class RecordedSignatures {

    private final Charter charter;
    private final NetworkDoctors doctors;
    private final Clock clock;
    private final fr.traitant.app.privacy.AuditTrail auditTrail;

    RecordedSignatures(
            Charter charter, NetworkDoctors doctors, Clock clock, fr.traitant.app.privacy.AuditTrail auditTrail) {
        this.charter = charter;
        this.doctors = doctors;
        this.clock = clock;
        this.auditTrail = auditTrail;
    }

    /**
     * The network manager records a charter signed on paper: the scan's reference, the date written on it and the
     * commitments ticked. The doctor must be an active doctor of the directory who is not already a signatory.
     *
     * @throws IllegalArgumentException (French message) otherwise
     */
    @Transactional
    public Membership recordPaper(
            String rpps, java.time.LocalDate signedOn, String scanReference, CharterCommitments commitments) {
        return recordSigned(rpps, signedOn, scanReference, commitments, "PAPER");
    }

    private Membership recordSigned(
            String rpps,
            java.time.LocalDate signedOn,
            String scanReference,
            CharterCommitments commitments,
            String channel) {
        NetworkDoctors.Doctor doctor = doctors.findByRpps(rpps)
                .filter(NetworkDoctors.Doctor::active)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Aucun médecin en exercice de l'annuaire n'a le numéro RPPS " + rpps + "."));
        if (charter.membership(rpps).isPresent()) {
            throw new IllegalArgumentException(doctor.displayName() + " est déjà signataire de la charte.");
        }
        String reference = scanReference == null ? "" : scanReference.strip();
        if (reference.isEmpty() || reference.length() > 200) {
            throw new IllegalArgumentException("Indiquez la référence du document numérisé (200 caractères au plus).");
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris")));
        if (signedOn == null || signedOn.isAfter(today) || signedOn.isBefore(java.time.LocalDate.of(2020, 1, 1))) {
            throw new IllegalArgumentException(
                    "La date de signature doit être passée (et postérieure au 1er janvier 2020).");
        }
        Instant at = signedOn.atTime(12, 0)
                .atZone(java.time.ZoneId.of("Europe/Paris"))
                .toInstant();
        charter.insertMember(doctor, commitments, doctor.synthetic(), at, channel, reference);
        return charter.membership(rpps).orElseThrow();
    }

    /** What an import of existing signatories did. */
    public record SignatoryImport(int lines, int recorded, int alreadySignatories) {}

    /** Columns of the signatories' CSV, in this order ({@code ;}-separated, UTF-8, header line). */
    public static final List<String> IMPORT_COLUMNS = List.of(
            "rpps", "date_signature", "reference", "familles_mutees", "medecin_traitant", "nouveaux_patients_par_an");

    /**
     * Imports a list of existing signatories: every line is checked first, and one bad line refuses the whole file
     * ({@link fr.traitant.app.platform.ConflictException} is not used: {@link SignatoryImportRefused} lists "ligne N :
     * raison" for each); a doctor already signatory is left as they are and counted.
     */
    @Transactional(noRollbackFor = SignatoryImportRefused.class) // a refusal writes nothing but its audit line
    public SignatoryImport importSignatories(java.io.Reader csv) {
        try {
            SignatoryImport done = checkAndRecord(csv);
            auditTrail.record(
                    null,
                    "charter_import",
                    "fichier",
                    fr.traitant.app.privacy.AuditAction.CREATE,
                    "Import de signataires de la charte : " + done.recorded() + " signature(s) enregistrée(s), "
                            + done.alreadySignatories() + " déjà signataire(s)");
            return done;
        } catch (SignatoryImportRefused e) {
            auditTrail.record(
                    null,
                    "charter_import",
                    "fichier",
                    fr.traitant.app.privacy.AuditAction.UPDATE,
                    "Tentative refusée — import de signataires de la charte : "
                            + e.errors().size() + " erreur(s), rien d'enregistré");
            throw e;
        }
    }

    private SignatoryImport checkAndRecord(java.io.Reader csv) {
        List<String> errors = new java.util.ArrayList<>();
        record Line(String rpps, java.time.LocalDate date, String reference, CharterCommitments commitments) {}
        List<Line> lines = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int count = 0;
        int already = 0;
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder()
                .fieldSeparator(';')
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofNamedCsvRecord(csv)) {
            for (var record : reader) {
                count++;
                long n = record.getStartingLineNumber();
                if (count == 1 && !record.getHeader().equals(IMPORT_COLUMNS)) {
                    throw new SignatoryImportRefused(
                            List.of("ligne 1 : en-tête attendu « " + String.join(";", IMPORT_COLUMNS) + " »."));
                }
                try {
                    if (record.getFieldCount() != IMPORT_COLUMNS.size()) {
                        throw new IllegalArgumentException(
                                IMPORT_COLUMNS.size() + " champs attendus, " + record.getFieldCount() + " trouvés.");
                    }
                    String rpps = record.getField("rpps").strip();
                    if (!seen.add(rpps)) {
                        throw new IllegalArgumentException("le médecin " + rpps + " figure deux fois dans le fichier.");
                    }
                    java.time.LocalDate date;
                    try {
                        date = java.time.LocalDate.parse(
                                record.getField("date_signature").strip(),
                                java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("date de signature « " + record.getField("date_signature")
                                + " » invalide (attendu JJ/MM/AAAA).");
                    }
                    int perYear;
                    try {
                        perYear = Integer.parseInt(
                                record.getField("nouveaux_patients_par_an").strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("nombre de nouveaux patients par an « "
                                + record.getField("nouveaux_patients_par_an") + " » invalide.");
                    }
                    CharterCommitments c = new CharterCommitments(
                            yes(record.getField("familles_mutees")), yes(record.getField("medecin_traitant")), perYear);
                    if (doctors.findByRpps(rpps)
                            .filter(NetworkDoctors.Doctor::active)
                            .isEmpty()) {
                        throw new IllegalArgumentException(
                                "aucun médecin en exercice de l'annuaire n'a le numéro RPPS « " + rpps + " ».");
                    }
                    lines.add(new Line(rpps, date, record.getField("reference"), c));
                } catch (IllegalArgumentException e) {
                    errors.add("ligne " + n + " : " + e.getMessage());
                }
            }
        } catch (java.io.IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new SignatoryImportRefused(List.of("Fichier illisible : " + e.getMessage()));
        }
        if (count == 0) {
            throw new SignatoryImportRefused(List.of("Le fichier est vide."));
        }
        if (!errors.isEmpty()) {
            throw new SignatoryImportRefused(errors);
        }
        int recorded = 0;
        for (Line line : lines) {
            if (charter.membership(line.rpps()).isPresent()) {
                already++;
                continue;
            }
            try {
                recordSigned(line.rpps(), line.date(), line.reference(), line.commitments(), "IMPORT");
                recorded++;
            } catch (IllegalArgumentException e) {
                // checked above: only a concurrent change gets here; roll every line back
                throw new IllegalStateException(
                        "Signatory " + line.rpps() + " could not be recorded: " + e.getMessage(), e);
            }
        }
        return new SignatoryImport(count, recorded, already);
    }

    private static boolean yes(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("oui") || v.equals("1") || v.equals("o")) {
            return true;
        }
        if (v.equals("non") || v.equals("0") || v.equals("n") || v.isEmpty()) {
            return false;
        }
        throw new IllegalArgumentException("« " + value + " » : attendu oui ou non.");
    }
}
