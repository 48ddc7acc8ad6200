package fr.traitant.app.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A case as an agent (or, filtered by the pages, its requester) sees it. Nullable fields are marked. */
public record CaseView(
        long id,
        String reference,
        CaseKind kind,
        Channel channel,
        Motive motive,
        List<CaseSituation> vulnerabilities,
        Long householdId,
        Long submittedBy,
        String requesterName,
        String requesterEmail,
        String requesterPhone,
        String communeCode,
        String summary,
        Long assigneeAccountId,
        String assigneeName,
        Priority priority,
        CaseStatus status,
        String waitingFor,
        Outcome outcome,
        String closingNote,
        Instant receivedAt,
        LocalDate dueOn,
        Instant closedAt,
        Long proposalId,
        Long doctorAccountId,
        String doctorName,
        Integer satisfactionScore,
        String satisfactionComment,
        boolean synthetic,
        int version) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public CaseView {
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** The requester's phone as {@code 0X XX XX XX XX}, or null. */
    public String phoneNational() {
        return requesterPhone == null
                ? null
                : new fr.traitant.app.platform.values.PhoneNumber(requesterPhone).national();
    }

    /** Open and past its due date. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueOn.isBefore(today);
    }

    public LocalDate receivedOn() {
        return receivedAt.atZone(PARIS).toLocalDate();
    }

    /** Whole days from reception to closure (or to {@code today} while open). */
    public long handlingDays(LocalDate today) {
        LocalDate end = closedAt == null ? today : closedAt.atZone(PARIS).toLocalDate();
        return java.time.temporal.ChronoUnit.DAYS.between(receivedOn(), end);
    }
}
