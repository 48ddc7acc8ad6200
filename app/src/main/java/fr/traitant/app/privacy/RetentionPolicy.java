package fr.traitant.app.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention policy: for each {@link PersonalDataHolder}, records past {@code traitant.retention.periods.<kind>}
 * are listed (dry run) or deleted (each deletion audited as PURGE). The audit trail has its own period
 * ({@code traitant.retention.periods.audit}) but is never deleted by the application: the database refuses it;
 * expired audit rows are counted in the report for the DBA's archive-and-purge procedure (ADR 0009).
 */
@Service
class RetentionPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetentionPolicy.class);

    /** What the policy would delete now. */
    record Report(Instant at, List<Line> lines, long expiredAuditEvents, Instant auditCutoff) {
        int total() {
            return lines.stream().mapToInt(l -> l.candidates().size()).sum();
        }
    }

    record Line(
            String recordKind, String period, Instant cutoff, List<PersonalDataHolder.RetentionCandidate> candidates) {

        /** "Foyers — conservés 5 ans". */
        public String title() {
            String kind = switch (recordKind) {
                case "household" -> "Foyers et leurs bénéficiaires";
                case "case" -> "Dossiers d’accompagnement et de conciliation";
                default -> recordKind;
            };
            String duration;
            try {
                duration = fr.traitant.app.platform.FrenchDates.duration(java.time.Period.parse(period));
            } catch (java.time.format.DateTimeParseException notAPeriod) {
                duration = period;
            }
            return kind + " — conservés " + duration;
        }
    }

    private final List<PersonalDataHolder> holders;
    private final RetentionProperties properties;
    private final AuditRepository auditRepository;
    private final AuditTrail auditTrail;
    private final Clock clock;

    RetentionPolicy(
            List<PersonalDataHolder> holders,
            RetentionProperties properties,
            AuditRepository auditRepository,
            AuditTrail auditTrail,
            Clock clock) {
        this.holders = holders;
        this.properties = properties;
        this.auditRepository = auditRepository;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    Report dryRun() {
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            Instant cutoff = cutoff(now, holder.recordKind());
            lines.add(new Line(
                    holder.recordKind(),
                    properties.periodOf(holder.recordKind()).toString(),
                    cutoff,
                    holder.expired(cutoff)));
        }
        Instant auditCutoff = cutoff(now, "audit");
        return new Report(now, lines, auditRepository.countOlderThan(auditCutoff), auditCutoff);
    }

    /** Deletes what {@link #dryRun()} lists; returns the report of what was deleted. */
    @Transactional
    Report purge(String purpose) {
        Report report = dryRun();
        for (Line line : report.lines()) {
            if (line.candidates().isEmpty()) {
                continue;
            }
            PersonalDataHolder holder = holders.stream()
                    .filter(h -> h.recordKind().equals(line.recordKind()))
                    .findFirst()
                    .orElseThrow();
            for (PersonalDataHolder.RetentionCandidate c : line.candidates()) {
                auditTrail.record(null, c.recordKind(), c.recordId(), AuditAction.PURGE, purpose);
            }
            holder.purge(line.candidates());
        }
        return report;
    }

    @Scheduled(cron = "${traitant.retention.cron:0 30 3 * * *}")
    void scheduled() {
        Report report = properties.purge() ? purge("Politique de conservation (tâche planifiée)") : dryRun();
        // counts only: the report page shows the records to the DPO
        log.info(
                "Retention {}: {} record(s) {}; {} audit event(s) past their own retention (kept, see ADR 0009)",
                properties.purge() ? "purge" : "dry run",
                report.total(),
                properties.purge() ? "deleted" : "would be deleted",
                report.expiredAuditEvents());
    }

    private Instant cutoff(Instant now, String kind) {
        return now.atOffset(ZoneOffset.UTC).minus(properties.periodOf(kind)).toInstant();
    }
}
