package fr.traitant.app.network;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.territory.DepartementSummary;
import fr.traitant.app.territory.Territory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's facade: the charter, signatures and the manager's figures. */
@Service
public class Charter {

    private final JdbcClient jdbc;
    private final NetworkDoctors doctors;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Territory territory;
    private final Clock clock;
    private final fr.traitant.app.identity.CurrentUser currentUser;
    private final fr.traitant.app.identity.Accounts accounts;
    private final fr.traitant.app.identity.Inbox inbox;
    private final fr.traitant.app.privacy.AuditTrail auditTrail;

    Charter(
            JdbcClient jdbc,
            NetworkDoctors doctors,
            org.springframework.context.ApplicationEventPublisher events,
            Territory territory,
            Clock clock,
            fr.traitant.app.identity.CurrentUser currentUser,
            fr.traitant.app.identity.Accounts accounts,
            fr.traitant.app.identity.Inbox inbox,
            fr.traitant.app.privacy.AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.events = events;
        this.territory = territory;
        this.clock = clock;
    }

    /** The latest version of the charter. */
    public CharterVersion currentVersion() {
        return jdbc.sql("select version, title, body, published_at from charter_version order by version desc limit 1")
                .query((rs, i) -> new CharterVersion(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
    }

    /** The doctor's current membership, if they signed and have not withdrawn. */
    public Optional<Membership> membership(String rpps) {
        return jdbc.sql(MEMBER_SELECT + " where m.rpps = ?")
                .param(rpps)
                .query(this::member)
                .optional();
    }

    /** Which of these RPPS numbers belong to current members (one query). */
    public java.util.Set<String> membersAmong(java.util.Collection<String> rpps) {
        if (rpps.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select rpps from charter_member where rpps = any(?)")
                .param(rpps.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** The logged-in doctor signs the current version with these commitments. */
    @Transactional
    public Membership sign(String rpps, CharterCommitments commitments) {
        NetworkDoctors.Doctor doctor = activeDoctor(rpps);
        if (membership(rpps).isPresent()) {
            throw new IllegalArgumentException(
                    "Vous avez déjà signé la charte : modifiez vos engagements ou retirez votre signature.");
        }
        insertMember(doctor, commitments, false);
        return membership(rpps).orElseThrow();
    }

    /** A signatory changes their commitments (and accepts the current version). */
    @Transactional
    public Membership update(String rpps, CharterCommitments commitments) {
        Membership m =
                membership(rpps).orElseThrow(() -> new IllegalArgumentException("Vous n'avez pas signé la charte."));
        int version = currentVersion().version();
        Instant now = clock.instant();
        jdbc.sql("""
                update charter_member set version = ?, updated_at = ?, takes_transferred_families = ?,
                       willing_declared_doctor = ?, new_patients_per_year = ? where doctor_id = ?""")
                .params(
                        version,
                        Timestamp.from(now),
                        commitments.takesTransferredFamilies(),
                        commitments.willingDeclaredDoctor(),
                        commitments.newPatientsPerYear(),
                        m.doctorId())
                .update();
        event(m.doctorId(), rpps, "UPDATED", version, now, commitments, null, m.synthetic());
        return membership(rpps).orElseThrow();
    }

    /** A signatory withdraws; the history keeps the signature and the withdrawal. */
    @Transactional
    public void withdraw(String rpps, String reason) {
        Membership m =
                membership(rpps).orElseThrow(() -> new IllegalArgumentException("Vous n'avez pas signé la charte."));
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) {
            throw new IllegalArgumentException("Le motif dépasse 500 caractères.");
        }
        jdbc.sql("delete from charter_member where doctor_id = ?")
                .param(m.doctorId())
                .update();
        event(
                m.doctorId(),
                rpps,
                "WITHDRAWN",
                m.version(),
                clock.instant(),
                null,
                why.isEmpty() ? null : why,
                m.synthetic());
        events.publishEvent(new CharterWithdrawn(m.doctorId())); // the directory unmarks its member
    }

    /** Signatories, optionally of one département, newest first. */
    public List<Membership> members(Optional<String> departement, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("Pagination invalide (limit 1–500, offset ≥ 0).");
        }
        return departement
                .map(d -> jdbc.sql(MEMBER_SELECT
                                + " where m.departement = ? order by m.signed_at desc, m.doctor_id limit ? offset ?")
                        .params(d, limit, offset))
                .orElseGet(() -> jdbc.sql(MEMBER_SELECT + " order by m.signed_at desc, m.doctor_id limit ? offset ?")
                        .params(limit, offset))
                .query(this::member)
                .list();
    }

    /** The columns the signatories may be sorted on. */
    static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "signature",
            "m.signed_at",
            "rpps",
            "m.rpps",
            "commune",
            "m.commune_code",
            "patients",
            "m.new_patients_per_year");

    /** One page of the signatories, optionally of one département, newest first unless another order is asked. */
    public fr.traitant.app.platform.ListPage<Membership> members(
            Optional<String> departement, fr.traitant.app.platform.ListRequest request, int size) {
        String where = departement.isPresent() ? " where m.departement = :d" : "";
        long total = jdbc.sql("select count(*) from charter_member m" + where)
                .param("d", departement.orElse(""))
                .query(Long.class)
                .single();
        List<Membership> rows = jdbc.sql(MEMBER_SELECT + where + " order by "
                        + request.orderBy(SORTABLE, "signature", true, "m.doctor_id") + " limit :l offset :o")
                .param("d", departement.orElse(""))
                .param("l", size)
                .param("o", request.offset(size))
                .query(this::member)
                .list();
        return request.page(rows, total, size);
    }

    /** Every signatory's position, for the map. */
    public List<MemberPoint> points() {
        return jdbc.sql("select lat, lon, departement, synthetic from charter_member order by doctor_id")
                .query((rs, i) -> new MemberPoint(rs.getDouble(1), rs.getDouble(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Number of current signatories. */
    public int memberCount() {
        return jdbc.sql("select count(*) from charter_member")
                .query(Integer.class)
                .single();
    }

    /** Whether any signature is synthetic (demo). */
    public boolean anySynthetic() {
        return jdbc.sql("select exists (select 1 from charter_member where synthetic)")
                .query(Boolean.class)
                .single();
    }

    /** The charter history of a doctor (by directory id), oldest first. */
    public List<CharterEvent> history(String doctorId) {
        return jdbc.sql("""
                select id, doctor_id, rpps, kind, version, at, takes_transferred_families, willing_declared_doctor,
                       new_patients_per_year, coalesce(reason, ''), synthetic from charter_event where doctor_id = ? order by at, id""")
                .param(doctorId)
                .query((rs, i) -> new CharterEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getObject(9) == null
                                ? Optional.empty()
                                : Optional.of(new CharterCommitments(rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9))),
                        rs.getString(10),
                        rs.getBoolean(11)))
                .list();
    }

    /** Recent events of the whole network, newest first. */
    public List<CharterEvent> recentEvents(int limit) {
        return jdbc.sql("""
                select id, doctor_id, rpps, kind, version, at, takes_transferred_families, willing_declared_doctor,
                       new_patients_per_year, coalesce(reason, ''), synthetic from charter_event order by at desc, id desc limit ?""")
                .param(limit)
                .query((rs, i) -> new CharterEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getObject(9) == null
                                ? Optional.empty()
                                : Optional.of(new CharterCommitments(rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9))),
                        rs.getString(10),
                        rs.getBoolean(11)))
                .list();
    }

    /** Signatories per département (every département listed, zero included), by code. */
    public List<DepartementCount> countsByDepartement() {
        Map<String, long[]> counts = jdbc
                .sql("""
                select departement, count(*), sum(new_patients_per_year) from charter_member group by departement""")
                .query((rs, i) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return territory.departements().stream()
                .map(d -> new DepartementCount(
                        d.code(),
                        d.name(),
                        (int) counts.getOrDefault(d.code(), new long[2])[0],
                        counts.getOrDefault(d.code(), new long[2])[1]))
                .toList();
    }

    /** Signs for a synthetic doctor of the demo network (labelled synthetic); false if not possible. */
    @Transactional
    boolean signSynthetic(String doctorId, CharterCommitments commitments, Instant at) {
        NetworkDoctors.Doctor doctor =
                doctors.find(doctorId).filter(NetworkDoctors.Doctor::active).orElse(null);
        if (doctor == null
                || doctor.rpps().isEmpty()
                || !doctor.synthetic()
                || membership(doctor.rpps().get()).isPresent()) {
            return false;
        }
        insertMember(doctor, commitments, true, at);
        return true;
    }

    private void insertMember(NetworkDoctors.Doctor doctor, CharterCommitments c, boolean synthetic) {
        insertMember(doctor, c, synthetic, clock.instant());
    }

    private void insertMember(NetworkDoctors.Doctor doctor, CharterCommitments c, boolean synthetic, Instant at) {
        insertMember(doctor, c, synthetic, at, "ONLINE", null);
    }

    private void insertMember(
            NetworkDoctors.Doctor doctor,
            CharterCommitments c,
            boolean synthetic,
            Instant at,
            String channel,
            String reference) {
        int version = currentVersion().version();
        String departement = territory.getCommune(doctor.communeCode()).departement();
        String rpps = doctor.rpps().orElseThrow();
        jdbc.sql("""
                insert into charter_member (doctor_id, rpps, version, signed_at, updated_at, takes_transferred_families,
                       willing_declared_doctor, new_patients_per_year, commune_code, departement, lat, lon, synthetic, channel,
                       paper_reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        doctor.id(),
                        rpps,
                        version,
                        Timestamp.from(at),
                        Timestamp.from(at),
                        c.takesTransferredFamilies(),
                        c.willingDeclaredDoctor(),
                        c.newPatientsPerYear(),
                        doctor.communeCode(),
                        departement,
                        doctor.lat(),
                        doctor.lon(),
                        synthetic,
                        channel,
                        reference)
                .update();
        event(doctor.id(), rpps, "SIGNED", version, at, c, null, synthetic, channel, reference);
        events.publishEvent(new CharterSigned(doctor.id(), rpps)); // the directory marks its member
    }

    private void event(
            String doctorId,
            String rpps,
            String kind,
            int version,
            Instant at,
            CharterCommitments c,
            String reason,
            boolean synthetic) {
        event(doctorId, rpps, kind, version, at, c, reason, synthetic, "ONLINE", null);
    }

    private void event(
            String doctorId,
            String rpps,
            String kind,
            int version,
            Instant at,
            CharterCommitments c,
            String reason,
            boolean synthetic,
            String channel,
            String reference) {
        jdbc.sql("""
                insert into charter_event (doctor_id, rpps, kind, version, at, takes_transferred_families, willing_declared_doctor,
                       new_patients_per_year, reason, synthetic, channel, paper_reference, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        doctorId,
                        rpps,
                        kind,
                        version,
                        Timestamp.from(at),
                        c == null ? null : c.takesTransferredFamilies(),
                        c == null ? null : c.willingDeclaredDoctor(),
                        c == null ? null : c.newPatientsPerYear(),
                        reason,
                        synthetic,
                        channel,
                        reference,
                        currentUser
                                .find()
                                .map(fr.traitant.app.identity.SignedInUser::username)
                                .orElse(null))
                .update();
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
        if (membership(rpps).isPresent()) {
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
        insertMember(doctor, commitments, doctor.synthetic(), at, channel, reference);
        return membership(rpps).orElseThrow();
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
            if (membership(line.rpps()).isPresent()) {
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

    /**
     * Publishes a new version of the charter. Signatories stay signatories of the version they signed and are asked
     * (on their space, and by a notification for those with an account) to sign the new one.
     *
     * @return the new version
     */
    @Transactional
    public CharterVersion publish(String title, String body) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        if (t.length() < 5 || t.length() > 200) {
            throw new IllegalArgumentException("Le titre compte de 5 à 200 caractères.");
        }
        if (b.length() < 50 || b.length() > 20_000) {
            throw new IllegalArgumentException("Le texte compte de 50 à 20 000 caractères.");
        }
        CharterVersion current = currentVersion();
        if (b.equals(current.body()) && t.equals(current.title())) {
            throw new IllegalArgumentException("Ce texte est celui de la version en vigueur.");
        }
        int version = current.version() + 1;
        Instant now = clock.instant();
        jdbc.sql(
                        "insert into charter_version (version, title, body, published_at, published_by) values (?, ?, ?, ?, ?)")
                .params(
                        version,
                        t,
                        b,
                        Timestamp.from(now),
                        currentUser
                                .find()
                                .map(fr.traitant.app.identity.SignedInUser::username)
                                .orElse(null))
                .update();
        for (String rpps : jdbc.sql("select rpps from charter_member where not synthetic order by rpps")
                .query(String.class)
                .list()) {
            accounts.findDoctorByRpps(rpps)
                    .ifPresent(u -> inbox.notify(
                            u.accountId(),
                            "La charte des médecins solidaires a une nouvelle " + "version (" + version
                                    + ") : relisez-la et confirmez vos engagements.",
                            "/espace-medecin",
                            now));
        }
        return currentVersion();
    }

    /** How many signatories signed each version (the current one first), for the manager. */
    public List<int[]> signatoriesByVersion() {
        return jdbc.sql("select version, count(*) from charter_member group by version order by version desc")
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .list();
    }

    private NetworkDoctors.Doctor activeDoctor(String rpps) {
        return doctors.findByRpps(rpps)
                .filter(NetworkDoctors.Doctor::active)
                .orElseThrow(() ->
                        new NotFoundException("Aucun médecin actif de l'annuaire n'a le numéro RPPS " + rpps + "."));
    }

    private static final String MEMBER_SELECT = """
            select m.doctor_id, m.rpps, m.version, m.signed_at, m.updated_at, m.takes_transferred_families,
                   m.willing_declared_doctor, m.new_patients_per_year, m.commune_code, m.departement, m.lat, m.lon, m.synthetic
              from charter_member m""";

    private Membership member(ResultSet rs, int i) throws SQLException {
        String doctorId = rs.getString(1);
        String name =
                doctors.find(doctorId).map(NetworkDoctors.Doctor::displayName).orElse(doctorId);
        return new Membership(
                doctorId,
                rs.getString(2),
                name,
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                new CharterCommitments(rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8)),
                rs.getString(9),
                rs.getString(10),
                rs.getDouble(11),
                rs.getDouble(12),
                rs.getBoolean(13));
    }

    static Map<String, DepartementSummary> departementsByCode(Territory territory) {
        return territory.departements().stream()
                .collect(Collectors.toMap(DepartementSummary::code, Function.identity()));
    }
}
