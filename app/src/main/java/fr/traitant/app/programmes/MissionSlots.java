package fr.traitant.app.programmes;

import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the consultation slots of the confirmed mission days (20 minutes, 9 h–12 h and 14 h–17 h), booked by the
 * people who live near the place; each booking is a request, served within 48 hours or not (the France Santé promise,
 * measured); a person seen at two held mission days or more joins the waiting list for a regular médecin traitant.
 */
@Service
public class MissionSlots {

    private static final Logger log = LoggerFactory.getLogger(MissionSlots.class);

    /** Length of a consultation slot. */
    static final Duration SLOT = Duration.ofMinutes(20);

    /** The promise measured: an appointment within 48 hours. */
    static final Duration PROMISE = Duration.ofHours(48);

    /** Held mission consultations after which a person is put on the waiting list. */
    static final int SEEN_BEFORE_WAITING_LIST = 2;

    private static final String SLOT_SELECT = """
            select sl.id, sl.starts_at, s.name, s.commune_code, v.rpps from mission_slot sl
              join mission_day d on d.id = sl.mission_day_id join mission_site s on s.id = d.site_id
              join mission_volunteer v on v.id = d.volunteer_id""";

    private Slot slot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Slot(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                volunteers.name(rs.getString(5)));
    }

    /** A free slot. */
    public record Slot(long id, Instant startsAt, String site, String communeCode, String doctor) {}

    /** A person's booking. */
    public record Booking(long slotId, Instant startsAt, String site, String communeCode, String personRef) {}

    /** The month's requests. */
    public record Requests(long requests, long served, long within48h) {
        public double share48h() {
            return requests == 0 ? 0 : (double) within48h / requests;
        }
    }

    private final JdbcClient jdbc;
    private final WaitingList waitingList;
    private final MissionVolunteers volunteers;
    private final Clock clock;

    MissionSlots(JdbcClient jdbc, WaitingList waitingList, MissionVolunteers volunteers, Clock clock) {
        this.jdbc = jdbc;
        this.waitingList = waitingList;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** Opens a confirmed day's slots. */
    @Transactional
    void open(long dayId, LocalDate day) {
        for (LocalTime[] half :
                new LocalTime[][] {{LocalTime.of(9, 0), LocalTime.of(12, 0)}, {LocalTime.of(14, 0), LocalTime.of(17, 0)}
                }) {
            for (LocalTime t = half[0]; t.isBefore(half[1]); t = t.plus(SLOT)) {
                jdbc.sql("insert into mission_slot (mission_day_id, starts_at) values (?, ?) on conflict do nothing")
                        .params(
                                dayId,
                                Timestamp.from(
                                        day.atTime(t).atZone(FrenchDates.PARIS).toInstant()))
                        .update();
            }
        }
    }

    /** The free future slots of confirmed days at the given places, earliest first. */
    public List<Slot> free(Collection<Long> siteIds, int limit) {
        if (siteIds.isEmpty()) return List.of();
        return jdbc.sql(SLOT_SELECT + """

                         where d.status = 'CONFIRMED' and sl.household_id is null and sl.starts_at > :now
                           and d.site_id = any(:sites)
                         order by sl.starts_at, s.name, sl.id limit :limit""")
                .param("now", Timestamp.from(clock.instant()))
                .param("sites", siteIds.toArray(Long[]::new))
                .param("limit", limit)
                .query((rs, row) -> slot(rs, row))
                .list();
    }

    /** A page of the free future slots at the given places, earliest first (20 a page). */
    public fr.traitant.app.platform.ListPage<Slot> free(
            Collection<Long> siteIds, fr.traitant.app.platform.ListRequest request) {
        return request.slice(free(siteIds, Integer.MAX_VALUE), 20);
    }

    /** Books a slot for a person of a household; recorded as a request made now. */
    @Transactional
    public Booking book(long slotId, long householdId, String personRef, String epci) {
        int n = jdbc.sql("""
                        update mission_slot set household_id = :h, person_ref = :p, booked_at = :now
                         where id = :id and household_id is null and starts_at > :now
                           and mission_day_id in (select id from mission_day where status = 'CONFIRMED')""")
                .param("h", householdId)
                .param("p", personRef)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", slotId)
                .update();
        if (n == 0) throw new ConflictException("Ce créneau n’est plus libre : choisissez-en un autre.");
        request(householdId, personRef, epci, slotId);
        return bookings(householdId).stream()
                .filter(b -> b.slotId() == slotId)
                .findFirst()
                .orElseThrow();
    }

    /** A request no free slot answered (recorded so that the 48-hour figure counts it). */
    @Transactional
    public void unanswered(long householdId, String personRef, String epci) {
        request(householdId, personRef, epci, null);
    }

    private void request(long householdId, String personRef, String epci, @Nullable Long slotId) {
        jdbc.sql("""
                        insert into mission_request (household_id, person_ref, epci, requested_at, slot_id)
                        values (:h, :p, :e, :at, :slot)""")
                .param("h", householdId)
                .param("p", personRef)
                .param("e", epci)
                .param("at", Timestamp.from(clock.instant()))
                .param("slot", slotId, java.sql.Types.BIGINT)
                .update();
    }

    /** A household's bookings, the next first. */
    public List<Booking> bookings(long householdId) {
        return jdbc.sql("""
                        select sl.id, sl.starts_at, s.name, s.commune_code, sl.person_ref from mission_slot sl
                          join mission_day d on d.id = sl.mission_day_id join mission_site s on s.id = d.site_id
                         where sl.household_id = ? order by sl.starts_at desc""")
                .param(householdId)
                .query((rs, i) -> new Booking(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** The requests made in a month: served by a booking, and within 48 hours. */
    public Requests requests(YearMonth month) {
        return jdbc.sql("""
                        select count(*), count(r.slot_id),
                               count(*) filter (where sl.starts_at <= r.requested_at + interval '48 hours')
                          from mission_request r left join mission_slot sl on sl.id = r.slot_id
                         where r.requested_at >= :from and r.requested_at < :to""")
                .param(
                        "from",
                        Timestamp.from(
                                month.atDay(1).atStartOfDay(FrenchDates.PARIS).toInstant()))
                .param(
                        "to",
                        Timestamp.from(month.plusMonths(1)
                                .atDay(1)
                                .atStartOfDay(FrenchDates.PARIS)
                                .toInstant()))
                .query((rs, i) -> new Requests(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Consultations booked on the held days of a month. */
    public long consultations(YearMonth month) {
        return jdbc.sql("""
                        select count(*) from mission_slot sl join mission_day d on d.id = sl.mission_day_id
                         where d.month = ? and d.status = 'HELD' and sl.household_id is not null""").param(month.atDay(1)).query(Long.class).single();
    }

    /** After a held day: each person seen at two held days or more goes on the waiting list (when not on it yet). */
    @Transactional
    void afterHeld(long dayId) {
        List<long[]> households = new ArrayList<>();
        jdbc.sql("""
                        select sl.household_id, count(*) from mission_slot sl
                          join mission_day d on d.id = sl.mission_day_id
                         where d.status = 'HELD' and sl.person_ref in
                               (select person_ref from mission_slot where mission_day_id = ? and person_ref is not null)
                         group by sl.household_id, sl.person_ref""")
                .param(dayId)
                .query((rs, i) -> households.add(new long[] {rs.getLong(1), rs.getLong(2)}))
                .list();
        for (long[] h : households) {
            if (h[1] < SEEN_BEFORE_WAITING_LIST || waitingList.openEntry(h[0]).isPresent()) continue;
            try {
                waitingList.register(h[0], WaitingList.Source.MISSION, clock.instant());
            } catch (IllegalArgumentException e) {
                // nobody in the household needs a médecin traitant (all declared one) or it has no commune
                log.info(
                        "Household {} seen {} times in missions, not put on the waiting list: {}",
                        h[0],
                        h[1],
                        e.getMessage());
            }
        }
    }

    Slot slot(long id) {
        return jdbc.sql(SLOT_SELECT + " where sl.id = ?")
                .param(id)
                .query((rs, row) -> slot(rs, row))
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun créneau " + id + "."));
    }
}
