package fr.traitant.app.continuity;

import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.directory.DepartureSignals;
import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.SemicolonCsv;
import java.io.Reader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the doctors who leave. Declared departures (by the doctor, an agent or an import; one current declaration
 * per doctor), observed ones (a complete national extraction no longer lists the doctor, in the last 12 months) and
 * predicted ones (a general practitioner aged {@value #LIKELY_AGE} or more this year, when nothing is declared: the
 * only signal the data holds — documented in docs/methodology/continuity.md); for each, the fund's members who
 * declared the doctor as médecin traitant (and how many are in ALD), and what the APL would be without them.
 */
@Service
public class Departures {

    /** Age from which a retirement is predicted when nothing is declared. */
    public static final int LIKELY_AGE = 67;

    /** Age at which a predicted departure is dated (31 December of that year, or in 12 months if already past). */
    public static final int PREDICTED_AGE = 70;

    /** The import's columns. */
    public static final List<String> COLUMNS = List.of("rpps", "date_fin", "motif", "successeur");

    /** Where a declaration comes from. */
    public enum Source {
        DOCTOR,
        AGENT,
        IMPORT
    }

    /** A departure, whichever way it is known. */
    public record Departure(
            String rpps,
            @Nullable String doctorId,
            String name,
            @Nullable String communeCode,
            LocalDate expectedOn,
            Certainty certainty,
            @Nullable DepartureReason reason,
            @Nullable String successorRpps,
            @Nullable String newCommune,
            @Nullable Long declarationId,
            String basis,
            long patients,
            long patientsInLongTermCondition,
            long households) {}

    /** What the area loses: the doctor's commune's APL before and after, and who would fall below the threshold. */
    public record Impact(
            @Nullable String communeCode,
            double aplBefore,
            double aplAfter,
            int communesChanged,
            long populationFallingBelow,
            List<Accessibility.Change> changes) {}

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final DepartureSignals signals;
    private final HouseholdNeeds needs;
    private final Accessibility accessibility;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final fr.traitant.app.territory.Territory territory;

    Departures(
            JdbcClient jdbc,
            Doctors doctors,
            DepartureSignals signals,
            HouseholdNeeds needs,
            Accessibility accessibility,
            CurrentUser currentUser,
            Clock clock,
            fr.traitant.app.territory.Territory territory) {
        this.territory = territory;
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.signals = signals;
        this.needs = needs;
        this.accessibility = accessibility;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(FrenchDates.PARIS));
    }

    /** The problems with a declaration, in French (empty when it may be recorded). */
    public List<String> check(String rpps, @Nullable LocalDate expectedOn, @Nullable String successorRpps) {
        return check(rpps, expectedOn, successorRpps, null, null);
    }

    /** The same, with the reason and, for a move, the commune (INSEE code) the doctor moves to. */
    public List<String> check(
            String rpps,
            @Nullable LocalDate expectedOn,
            @Nullable String successorRpps,
            @Nullable DepartureReason reason,
            @Nullable String newCommune) {
        List<String> problems = new ArrayList<>();
        if (newCommune != null && !newCommune.isBlank()) {
            if (reason != DepartureReason.MOVE)
                problems.add("La nouvelle commune d’exercice ne se renseigne que pour un déménagement.");
            else if (territory.findCommune(newCommune.strip()).isEmpty())
                problems.add("Aucune commune n’a le code INSEE « " + newCommune.strip() + " » (nouvelle commune).");
        }
        if (!rpps.matches("[0-9]{11}") || doctors.findByRpps(rpps).isEmpty()) {
            problems.add("Aucun médecin de l’annuaire n’a le RPPS « " + rpps + " ».");
        }
        if (expectedOn == null) problems.add("Indiquez la date de fin d’activité.");
        else if (expectedOn.isBefore(today().minusYears(1))) problems.add("La date de fin d’activité a plus d’un an.");
        else if (expectedOn.isAfter(today().plusYears(5)))
            problems.add("La date de fin d’activité est dans plus de 5 ans.");
        if (successorRpps != null && !successorRpps.isBlank()) {
            if (successorRpps.equals(rpps)) problems.add("Le successeur ne peut pas être le médecin qui part.");
            else if (!successorRpps.matches("[0-9]{11}")
                    || doctors.findByRpps(successorRpps).isEmpty()) {
                problems.add("Aucun médecin de l’annuaire n’a le RPPS « " + successorRpps + " » (successeur).");
            }
        }
        return problems;
    }

    /**
     * Records a departure (replacing the doctor's current declaration, if any); for a move, {@code newCommune} is where
     * the doctor will practise (null if unknown or not a move). Returns its id.
     */
    @Transactional
    public long declare(
            String rpps,
            LocalDate expectedOn,
            DepartureReason reason,
            @Nullable String successorRpps,
            @Nullable String newCommune,
            Source source,
            String note) {
        String successor = successorRpps == null || successorRpps.isBlank() ? null : successorRpps.strip();
        String moveTo = newCommune == null || newCommune.isBlank() ? null : newCommune.strip();
        List<String> problems = check(rpps, expectedOn, successor, reason, moveTo);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join(" ", problems));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update doctor_departure set cancelled_at = ? where rpps = ? and cancelled_at is null")
                .params(now, rpps)
                .update();
        return jdbc.sql("""
                        insert into doctor_departure (rpps, expected_on, reason, successor_rpps, new_commune, source, note,
                                                      recorded_at, recorded_by)
                        values (:rpps, :on, :reason, :successor, :moveTo, :source, :note, :now, :by)
                        returning id""")
                .param("rpps", rpps)
                .param("on", Date.valueOf(expectedOn))
                .param("reason", reason.name())
                .param("successor", successor, java.sql.Types.VARCHAR)
                .param("moveTo", moveTo, java.sql.Types.VARCHAR)
                .param("source", source.name())
                .param("note", note.strip())
                .param("now", now)
                .param("by", currentUser.find().map(SignedInUser::username).orElse("système"))
                .query((rs, i) -> rs.getLong(1))
                .single();
    }

    /** Withdraws a doctor's current declaration (the doctor stays, or it was a mistake). */
    @Transactional
    public void cancel(String rpps) {
        int n = jdbc.sql("update doctor_departure set cancelled_at = ? where rpps = ? and cancelled_at is null")
                .params(Timestamp.from(clock.instant()), rpps)
                .update();
        if (n == 0) throw new NotFoundException("Aucun départ déclaré pour ce médecin.");
    }

    /**
     * Every departure, the surest and soonest first: declared, then observed (last 12 months), then predicted (when
     * nothing else is known of the doctor).
     */
    public List<Departure> all() {
        List<Departure> result = new ArrayList<>();
        Set<String> known = new HashSet<>();
        record Declared(
                long id,
                String rpps,
                LocalDate on,
                DepartureReason reason,
                @Nullable String successor,
                String source,
                @Nullable String newCommune) {}
        List<Declared> declared = jdbc.sql("""
                        select id, rpps, expected_on, reason, successor_rpps, source, new_commune from doctor_departure
                         where cancelled_at is null order by expected_on, rpps""")
                .query((rs, i) -> new Declared(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        DepartureReason.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        for (Declared d : declared) {
            Optional<DoctorProfile> doctor = doctors.findByRpps(d.rpps());
            known.add(d.rpps());
            result.add(new Departure(
                    d.rpps(),
                    doctor.map(DoctorProfile::id).orElse(null),
                    doctor.map(p -> "Dr " + p.firstName() + " " + p.lastName()).orElse("RPPS " + d.rpps()),
                    doctor.filter(p -> !p.locations().isEmpty())
                            .map(p -> p.locations().getFirst().communeCode())
                            .orElse(null),
                    d.on(),
                    Certainty.DECLARED,
                    d.reason(),
                    d.successor(),
                    d.newCommune(),
                    d.id(),
                    switch (d.source()) {
                        case "DOCTOR" -> "déclaré par le médecin";
                        case "IMPORT" -> "importé";
                        default -> "déclaré par un agent";
                    },
                    0,
                    0,
                    0));
        }
        for (DepartureSignals.Deactivated d :
                signals.deactivatedSince(clock.instant().minus(java.time.Duration.ofDays(365)))) {
            if (!known.add(d.rpps())) continue;
            result.add(new Departure(
                    d.rpps(),
                    d.doctorId(),
                    "Dr " + d.name(),
                    d.communeCode(),
                    d.deactivatedAt().atZone(FrenchDates.PARIS).toLocalDate(),
                    Certainty.OBSERVED,
                    null,
                    null,
                    null,
                    null,
                    "absent de l’extraction nationale du " + FrenchDates.day(d.deactivatedAt()),
                    0,
                    0,
                    0));
        }
        int year = today().getYear();
        for (DepartureSignals.Aged d : signals.generalPractitionersBornBy(year - LIKELY_AGE)) {
            if (!known.add(d.rpps())) continue;
            LocalDate at70 = LocalDate.of(d.birthYear() + PREDICTED_AGE, 12, 31);
            LocalDate expected = at70.isAfter(today()) ? at70 : today().plusMonths(12);
            result.add(new Departure(
                    d.rpps(),
                    d.doctorId(),
                    "Dr " + d.name(),
                    d.communeCode(),
                    expected,
                    Certainty.PREDICTED,
                    null,
                    null,
                    null,
                    null,
                    (year - d.birthYear()) + " ans cette année",
                    0,
                    0,
                    0));
        }
        Map<String, HouseholdNeeds.DeclaredPatients> patients =
                needs.declaredPatients(result.stream().map(Departure::rpps).toList());
        List<Departure> counted = new ArrayList<>(result.size());
        for (Departure d : result) {
            HouseholdNeeds.DeclaredPatients p = patients.get(d.rpps());
            counted.add(
                    p == null
                            ? d
                            : new Departure(
                                    d.rpps(),
                                    d.doctorId(),
                                    d.name(),
                                    d.communeCode(),
                                    d.expectedOn(),
                                    d.certainty(),
                                    d.reason(),
                                    d.successorRpps(),
                                    d.newCommune(),
                                    d.declarationId(),
                                    d.basis(),
                                    p.members(),
                                    p.inLongTermCondition(),
                                    p.households()));
        }
        counted.sort(Comparator.comparing(Departure::certainty)
                .thenComparing(Departure::expectedOn)
                .thenComparing(Comparator.comparingLong(Departure::patients).reversed())
                .thenComparing(Departure::rpps));
        return counted;
    }

    /** The departure of one doctor, if any is known. */
    public Optional<Departure> of(String rpps) {
        return all().stream().filter(d -> d.rpps().equals(rpps)).findFirst();
    }

    /** What the APL would be without the doctor (nothing stored); empty before the first APL computation. */
    public Optional<Impact> impact(Departure d) {
        if (d.doctorId() == null || d.certainty() == Certainty.OBSERVED) return Optional.empty(); // already gone
        return accessibility.without(List.of(d.doctorId())).map(changes -> {
            double before = Double.NaN, after = Double.NaN;
            long falling = 0;
            for (Accessibility.Change c : changes) {
                if (c.code().equals(d.communeCode())) {
                    before = c.before();
                    after = c.after();
                }
                if (c.fallsBelowThreshold()) falling += c.population();
            }
            if (Double.isNaN(before) && d.communeCode() != null) {
                double apl = accessibility
                        .findCommune(d.communeCode())
                        .map(Accessibility.CommuneAccessibility::apl)
                        .orElse(0.0);
                before = apl;
                after = apl;
            }
            List<Accessibility.Change> sorted = changes.stream()
                    .sorted(Comparator.comparingDouble((Accessibility.Change c) -> c.after() - c.before()))
                    .toList();
            return new Impact(d.communeCode(), before, after, changes.size(), falling, sorted);
        });
    }

    /**
     * Imports declared departures: {@code rpps;date_fin;motif;successeur} (date AAAA-MM-JJ; motif retraite,
     * demenagement, cessation or autre; successor's RPPS or empty); whole file or nothing.
     */
    @Transactional
    public int importFile(Reader csv) {
        record Row(
                String rpps,
                LocalDate on,
                DepartureReason reason,
                @Nullable String successor) {}
        Set<String> seen = new HashSet<>();
        List<Row> rows = SemicolonCsv.read(csv, COLUMNS, "le fichier ne contient aucun départ", line -> {
            String rpps = line.get("rpps");
            LocalDate on;
            try {
                on = LocalDate.parse(line.get("date_fin"));
            } catch (DateTimeParseException e) {
                throw new SemicolonCsv.LineError(
                        "date_fin attendue au format AAAA-MM-JJ, pas « " + line.get("date_fin") + " »");
            }
            DepartureReason reason = switch (line.get("motif").toLowerCase(java.util.Locale.ROOT)) {
                case "retraite" -> DepartureReason.RETIREMENT;
                case "demenagement", "déménagement" -> DepartureReason.MOVE;
                case "cessation" -> DepartureReason.STOP;
                case "autre" -> DepartureReason.OTHER;
                default ->
                    throw new SemicolonCsv.LineError(
                            "motif : retraite, demenagement, cessation ou autre, pas « " + line.get("motif") + " »");
            };
            String successor = line.get("successeur").isBlank() ? null : line.get("successeur");
            List<String> problems = check(rpps, on, successor);
            if (!problems.isEmpty()) throw new SemicolonCsv.LineError(String.join(" ", problems));
            if (!seen.add(rpps)) throw new SemicolonCsv.LineError("médecin déjà dans le fichier : " + rpps);
            return new Row(rpps, on, reason, successor);
        });
        for (Row r : rows) declare(r.rpps(), r.on(), r.reason(), r.successor(), null, Source.IMPORT, "");
        return rows.size();
    }
}
