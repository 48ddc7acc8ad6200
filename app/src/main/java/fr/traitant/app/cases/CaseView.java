package fr.traitant.app.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case as an agent (or, filtered by the pages, its requester) sees it. Nullable fields are marked. */
public record CaseView(
        long id,
        String reference,
        CaseKind kind,
        Channel channel,
        Motive motive,
        List<CaseSituation> vulnerabilities,
        @Nullable Long householdId,
        @Nullable Long submittedBy,
        String requesterName,
        @Nullable String requesterEmail,
        @Nullable String requesterPhone,
        @Nullable String communeCode,
        String summary,
        @Nullable Long assigneeAccountId,
        @Nullable String assigneeName,
        Priority priority,
        CaseStatus status,
        @Nullable String waitingFor,
        @Nullable Outcome outcome,
        @Nullable String closingNote,
        Instant receivedAt,
        LocalDate dueOn,
        @Nullable Instant closedAt,
        @Nullable Long proposalId,
        @Nullable Long doctorAccountId,
        @Nullable String doctorName,
        @Nullable Integer satisfactionScore,
        @Nullable String satisfactionComment,
        boolean synthetic,
        int version) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public CaseView {
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** The requester's phone as {@code 0X XX XX XX XX}, or null. */
    public @Nullable String phoneNational() {
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
