package fr.traitant.app.programmes;

import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.FrenchNumbers;
import fr.traitant.app.platform.PdfDocuments;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the indemnity of the mission days — an amount a day with its effective date (200 € since September 2025),
 * paid for the days held (confirmed by the place), never for a day not held; each month a statement per doctor (PDF)
 * and the payment file for the fund (CSV). Rate changes and statement exports are audited.
 */
@Service
public class MissionIndemnities {

    /** An amount a day from a date. */
    public record Rate(LocalDate effectiveFrom, BigDecimal eurosPerDay) {}

    /** A held or not held day of a statement, with the rate that applies. */
    public record Line(LocalDate day, String site, MissionDayStatus status, BigDecimal amount) {}

    /** A doctor's month. */
    public record Statement(String rpps, String doctor, YearMonth month, List<Line> lines) {
        public long held() {
            return lines.stream()
                    .filter(l -> l.status() == MissionDayStatus.HELD)
                    .count();
        }

        public long notHeld() {
            return lines.stream()
                    .filter(l -> l.status() == MissionDayStatus.NOT_HELD)
                    .count();
        }

        public BigDecimal total() {
            return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JdbcClient jdbc;
    private final MissionPlans plans;
    private final PdfDocuments pdf;
    private final AuditTrail audit;
    private final Clock clock;

    MissionIndemnities(JdbcClient jdbc, MissionPlans plans, PdfDocuments pdf, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Rate> rates() {
        return jdbc.sql("select effective_from, euros_per_day from mission_rate order by effective_from")
                .query((rs, i) -> new Rate(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
                .list();
    }

    /** The amount a day on a date (the latest rate in effect). */
    public BigDecimal rate(LocalDate day) {
        BigDecimal rate = BigDecimal.ZERO;
        for (Rate r : rates()) if (!r.effectiveFrom().isAfter(day)) rate = r.eurosPerDay();
        return rate;
    }

    /** Sets the amount a day from a date (a new rate, or a correction of that date's). */
    @Transactional
    public void setRate(LocalDate from, BigDecimal eurosPerDay) {
        if (eurosPerDay.signum() < 0 || eurosPerDay.compareTo(new BigDecimal("10000")) > 0) {
            throw new IllegalArgumentException("Montant par jour : de 0 à 10 000 €.");
        }
        if (eurosPerDay.scale() > 2) throw new IllegalArgumentException("Montant par jour : au centime près.");
        jdbc.sql("""
                        insert into mission_rate (effective_from, euros_per_day, recorded_at) values (?, ?, ?)
                        on conflict (effective_from) do update set euros_per_day = excluded.euros_per_day,
                            recorded_at = excluded.recorded_at""")
                .params(Date.valueOf(from), eurosPerDay, Timestamp.from(clock.instant()))
                .update();
        audit.record(
                null,
                "mission_rate",
                from.toString(),
                AuditAction.UPDATE,
                "Indemnité des missions : " + FrenchNumbers.euros(eurosPerDay.doubleValue()) + " par jour à partir du "
                        + FrenchDates.day(from));
    }

    /** Every doctor's statement for a month (those with a held or not held day), by name. */
    public List<Statement> statements(YearMonth month) {
        Map<String, List<Line>> byDoctor = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (MissionPlans.PlannedDay d : plans.days(month)) {
            if (d.status() != MissionDayStatus.HELD && d.status() != MissionDayStatus.NOT_HELD) continue;
            BigDecimal amount = d.status() == MissionDayStatus.HELD ? rate(d.day()) : BigDecimal.ZERO;
            byDoctor.computeIfAbsent(d.rpps(), k -> new ArrayList<>())
                    .add(new Line(d.day(), d.site(), d.status(), amount));
            names.put(d.rpps(), d.doctor());
        }
        List<Statement> result = new ArrayList<>();
        byDoctor.forEach(
                (rpps, lines) -> result.add(new Statement(rpps, names.getOrDefault(rpps, rpps), month, lines)));
        result.sort(java.util.Comparator.comparing(Statement::doctor));
        return result;
    }

    public Statement statement(YearMonth month, String rpps) {
        return statements(month).stream()
                .filter(s -> s.rpps().equals(rpps))
                .findFirst()
                .orElseThrow(
                        () -> new ConflictException("Aucune journée tenue ou non tenue pour ce médecin ce mois-ci."));
    }

    /** A doctor's statement as PDF/A. */
    public byte[] pdf(YearMonth month, String rpps) {
        Statement s = statement(month, rpps);
        audit.record(
                null, "mission_statement", month + ":" + rpps, AuditAction.EXPORT, "Relevé d’indemnités des missions");
        return pdf.render(
                "mission-statement",
                "Relevé d’indemnités — " + MissionPlans.monthName(month),
                Map.of(
                        "statement", s,
                        "monthName", MissionPlans.monthName(month),
                        "today", java.util.Objects.requireNonNull(FrenchDates.day(clock.instant()))));
    }

    /** The fund's payment file for a month: one line per doctor paid. */
    public List<List<String>> paymentRows(YearMonth month) {
        audit.record(null, "mission_payment", month.toString(), AuditAction.EXPORT, "Fichier de paiement des missions");
        List<List<String>> rows = new ArrayList<>();
        for (Statement s : statements(month)) {
            if (s.total().signum() == 0) continue;
            rows.add(List.of(
                    s.rpps(),
                    s.doctor(),
                    month.toString(),
                    Long.toString(s.held()),
                    s.total().toPlainString()));
        }
        return rows;
    }
}
