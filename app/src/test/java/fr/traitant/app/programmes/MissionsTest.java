package fr.traitant.app.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.SemicolonCsv;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #19: pledges and their rules, the import, the plan's workflow (draft edited with the rules checked, published,
 * confirmed, refused and re-planned, held or not), the indemnities (a day not held is not paid; the amount's effective
 * date), the replacements.
 */
@IntegrationTest
class MissionsTest {

    @Autowired
    MissionVolunteers volunteers;

    @Autowired
    MissionSites sites;

    @Autowired
    MissionPlans plans;

    @Autowired
    MissionIndemnities indemnities;

    @Autowired
    MissionReplacements replacements;

    @Autowired
    Doctors doctors;

    @Autowired
    JdbcClient jdbc;

    /** Synthetic doctors of a département with an RPPS and a practice, not yet volunteers for that month. */
    List<String> doctorsOf(String departement, YearMonth month, int n) {
        return doctors.activeWithRppsInDepartement(departement).stream()
                .filter(d -> !d.locations().isEmpty())
                .map(d -> d.rpps().orElseThrow())
                .filter(r -> volunteers.find(r, month).isEmpty())
                .sorted()
                .limit(n)
                .toList();
    }

    @Test
    void a_pledge_follows_the_schemes_rules() {
        YearMonth month = YearMonth.of(2031, 5);
        String rpps = doctorsOf("46", month, 1).getFirst();
        var tooMany = new MissionVolunteers.Pledge(
                month, 3, Set.of(month.atDay(5), month.atDay(6), month.atDay(7)), 60, Set.of(), false);
        assertThat(volunteers.check(rpps, tooMany))
                .containsExactly("De 0 à 2 jours par mois : c’est la règle du dispositif.");
        var outside = new MissionVolunteers.Pledge(
                month, 1, Set.of(month.plusMonths(1).atDay(2)), 60, Set.of(), false);
        assertThat(volunteers.check(rpps, outside)).containsExactly("La date du 2 juin 2031 n’est pas dans le mois.");
        var fewDates = new MissionVolunteers.Pledge(month, 2, Set.of(month.atDay(5)), 60, Set.of(), false);
        assertThat(volunteers.check(rpps, fewDates))
                .containsExactly("Indiquez au moins autant de dates disponibles que de jours donnés.");
        assertThat(volunteers.check("99999999999", fewDates)).contains("RPPS inconnu de l’annuaire : 99999999999.");
        assertThatThrownBy(() -> volunteers.pledge(rpps, tooMany, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(volunteers.find(rpps, month)).isEmpty();
    }

    @Test
    void the_import_keeps_the_whole_file_or_nothing() {
        YearMonth month = YearMonth.of(2031, 6);
        List<String> rpps = doctorsOf("46", month, 2);
        String header = String.join(";", MissionVolunteers.COLUMNS);
        String bad = header + "\n" + rpps.get(0) + ";2031-06;2;2031-06-03,2031-06-10;90;non\n"
                + rpps.get(1) + ";2031-06;3;2031-06-03,2031-06-04,2031-06-05;90;non\n"
                + "123;2031-06;1;2031-06-03;90;peut-être\n";
        assertThatThrownBy(() -> volunteers.importFile(new StringReader(bad)))
                .isInstanceOfSatisfying(
                        SemicolonCsv.Refused.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "ligne 3 : De 0 à 2 jours par mois : c’est la règle du dispositif.",
                                        "ligne 4 : RPPS à 11 chiffres attendu, pas « 123 »"));
        assertThat(volunteers.of(month)).isEmpty();
        String good = header + "\n" + rpps.get(0) + ";2031-06;2;2031-06-03,2031-06-10;90;non\n" + rpps.get(1)
                + ";2031-06;1;2031-06-04;45;oui\n";
        assertThat(volunteers.importFile(new StringReader(good))).isEqualTo(2);
        assertThat(volunteers.of(month))
                .extracting(MissionVolunteers.Volunteer::days, MissionVolunteers.Volunteer::imported)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(1, true));
    }

    @Test
    void a_month_planned_edited_published_refused_replanned_held_and_paid() throws Exception {
        // a past month, so that its days can be recorded held
        YearMonth month = YearMonth.now(FrenchDates.PARIS).minusMonths(2);
        LocalDate d1 = month.atDay(8), d2 = month.atDay(15), d3 = month.atDay(22);
        List<String> rpps = doctorsOf("46", month, 3);
        long cahors = sites.add(new MissionSites.NewPlace("Lieu test Cahors " + month, "46042", null, 1, true, ""));
        long figeac = sites.add(new MissionSites.NewPlace("Lieu test Figeac " + month, "46102", null, 1, false, ""));
        sites.open(cahors, month, Set.of(d1, d2, d3));
        sites.open(figeac, month, Set.of(d1, d2));
        volunteers.pledge(
                rpps.get(0),
                new MissionVolunteers.Pledge(month, 2, Set.of(d1, d2), 240, Set.of(cahors, figeac), false),
                false);
        volunteers.pledge(
                rpps.get(1),
                new MissionVolunteers.Pledge(month, 1, Set.of(d1, d3), 240, Set.of(cahors, figeac), true),
                false);
        volunteers.pledge(
                rpps.get(2),
                new MissionVolunteers.Pledge(month, 1, Set.of(d2, d3), 240, Set.of(cahors, figeac), false),
                false);

        MissionPlans.Summary summary = plans.plan(month);
        // both places get a day, and all four pledged days are planned
        assertThat(summary.exact().sitesWithDays()).isEqualTo(2);
        assertThat(plans.days(month)).hasSize(4).allMatch(d -> d.status() == MissionDayStatus.DRAFT);
        assertThat(summary.exact().compareTo(summary.greedy())).isGreaterThanOrEqualTo(0);

        // the draft: a day that breaks a rule is refused (one site a day: the first doctor already works on d1)
        long v0 = volunteers.find(rpps.get(0), month).orElseThrow().id();
        MissionPlans.PlannedDay first = plans.days(month).stream()
                .filter(d -> d.volunteerId() == v0)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> plans.add(month, v0, first.siteId() == cahors ? figeac : cahors, first.day()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("sites the same day");
        // removed, then added back: the rules hold
        plans.remove(first.id());
        assertThat(plans.days(month)).hasSize(3);
        plans.add(month, v0, first.siteId(), first.day());
        assertThat(plans.days(month)).hasSize(4);

        assertThat(plans.publish(month)).isEqualTo(4);
        assertThat(plans.days(month)).allMatch(d -> d.status() == MissionDayStatus.PROPOSED);
        assertThatThrownBy(() -> plans.plan(month)).isInstanceOf(ConflictException.class);

        // the third doctor refuses: the month is re-planned around the others (nobody else is free that day here)
        MissionPlans.PlannedDay third = plans.days(month).stream()
                .filter(d -> d.rpps().equals(rpps.get(2)))
                .findFirst()
                .orElseThrow();
        plans.refuse(third.id(), rpps.get(2));
        assertThat(plans.day(third.id()).status()).isEqualTo(MissionDayStatus.REFUSED);
        // the refused doctor's other date may be proposed instead (their pledge still has one day)
        assertThat(plans.days(month).stream()
                        .filter(d -> d.rpps().equals(rpps.get(2)) && d.status() == MissionDayStatus.PROPOSED))
                .allMatch(d -> !d.day().equals(third.day()));

        // the others confirm; the first doctor's days: one held, one not held
        for (MissionPlans.PlannedDay d : plans.days(month)) {
            if (d.status() == MissionDayStatus.PROPOSED) plans.confirm(d.id(), d.rpps());
        }
        List<MissionPlans.PlannedDay> mine =
                plans.days(month).stream().filter(d -> d.volunteerId() == v0).toList();
        assertThat(mine).hasSize(2);
        plans.record(mine.get(0).id(), true);
        plans.record(mine.get(1).id(), false);
        assertThatThrownBy(() -> plans.record(mine.get(0).id(), true)).isInstanceOf(ConflictException.class);

        // a day not held is not paid; the amount is the one in effect on the day (250 € from the second day on)
        indemnities.setRate(mine.get(1).day(), new BigDecimal("250.00"));
        try {
            MissionIndemnities.Statement statement = indemnities.statement(month, rpps.get(0));
            assertThat(statement.held()).isEqualTo(1);
            assertThat(statement.notHeld()).isEqualTo(1);
            assertThat(statement.total()).isEqualByComparingTo("200.00");
            assertThat(indemnities.rate(mine.get(1).day())).isEqualByComparingTo("250.00");
            assertThat(indemnities.rate(mine.get(1).day().minusDays(1))).isEqualByComparingTo("200.00");
            assertThat(indemnities.paymentRows(month))
                    .contains(List.of(rpps.get(0), statement.doctor(), month.toString(), "1", "200.00"));
            byte[] pdf = indemnities.pdf(month, rpps.get(0));
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text)
                        .contains(
                                "Relevé d’indemnités",
                                statement.doctor(),
                                "Non tenue",
                                "200,00",
                                "Total : 1 journée(s) tenue(s)");
            }
        } finally {
            jdbc.sql("delete from mission_rate where effective_from = ?")
                    .param(mine.get(1).day())
                    .update();
        }
    }

    @Test
    void a_volunteer_who_needs_one_is_offered_the_free_substitutes_nearest_first() {
        YearMonth month = YearMonth.now(FrenchDates.PARIS).plusMonths(4);
        LocalDate day = month.atDay(10);
        List<String> rpps = doctorsOf("46", month, 4);
        long place =
                sites.add(new MissionSites.NewPlace("Lieu test remplacement " + month, "46042", null, 1, true, ""));
        sites.open(place, month, Set.of(day));
        volunteers.pledge(
                rpps.get(0), new MissionVolunteers.Pledge(month, 1, Set.of(day), 240, Set.of(place), true), false);
        volunteers.declareSubstitute(rpps.get(1), 240, Set.of(day));
        volunteers.declareSubstitute(rpps.get(2), 240, Set.of(day.plusDays(1))); // not free that day
        volunteers.declareSubstitute(rpps.get(3), 0, Set.of(day)); // will not travel
        plans.plan(month);
        MissionPlans.PlannedDay planned = plans.days(month).getFirst();
        List<MissionReplacements.Candidate> candidates = replacements.candidates(planned.id());
        assertThat(candidates)
                .extracting(MissionReplacements.Candidate::rpps)
                .contains(rpps.get(1))
                .doesNotContain(rpps.get(0), rpps.get(2));
        replacements.arrange(planned.id(), rpps.get(1));
        assertThat(replacements.arranged(planned.id())).contains(rpps.get(1));
        assertThatThrownBy(() -> replacements.arrange(planned.id(), rpps.get(2)))
                .isInstanceOf(ConflictException.class);
    }

    @Autowired
    MissionSlots slots;

    @Autowired
    fr.traitant.app.members.Households households;

    @Autowired
    fr.traitant.app.matching.WaitingList waitingList;

    @Autowired
    fr.traitant.app.MovableClock clock;

    @Test
    void a_person_seen_at_two_held_days_joins_the_waiting_list_and_the_48_hour_promise_is_measured() {
        YearMonth month = YearMonth.now(FrenchDates.PARIS).plusMonths(3);
        LocalDate d1 = month.atDay(5), d2 = month.atDay(12);
        List<String> rpps = doctorsOf("83", month, 1);
        long place = sites.add(new MissionSites.NewPlace("Lieu test patients " + month, "83137", null, 1, true, ""));
        sites.open(place, month, Set.of(d1, d2));
        volunteers.pledge(
                rpps.getFirst(),
                new MissionVolunteers.Pledge(month, 2, Set.of(d1, d2), 240, Set.of(place), false),
                false);
        plans.plan(month);
        plans.publish(month);
        plans.days(month).forEach(d -> plans.confirm(d.id(), d.rpps()));
        long household = households.create(
                "Foyer missions " + month,
                fr.traitant.app.platform.values.InseeCode.of("83137"),
                List.of(new fr.traitant.app.members.NewMember(
                        "Jules", "Mission", LocalDate.of(1970, 1, 1), null, null, null)));
        String person = households.personRefs(household).getFirst();
        List<MissionSlots.Slot> free = slots.free(List.of(place), 100);
        assertThat(free).hasSize(36); // two days of 18 slots
        MissionSlots.Slot first = free.getFirst(),
                second =
                        free.stream()
                                .filter(x -> x.startsAt()
                                        .isAfter(d2.atStartOfDay(FrenchDates.PARIS)
                                                .toInstant()))
                                .findFirst()
                                .orElseThrow();
        // booked weeks ahead: not within 48 hours
        slots.book(first.id(), household, person, "248300543");
        assertThatThrownBy(() -> slots.book(first.id(), household, person, "248300543"))
                .isInstanceOf(ConflictException.class);
        // the second, booked the day before: within 48 hours
        clock.advance(java.time.Duration.between(
                java.time.Instant.now(), second.startsAt().minus(java.time.Duration.ofHours(20))));
        try {
            slots.book(second.id(), household, person, "248300543");
            YearMonth now = YearMonth.now(clock.withZone(FrenchDates.PARIS));
            MissionSlots.Requests requests = slots.requests(now);
            assertThat(requests.within48h()).isPositive();
            clock.advance(java.time.Duration.ofDays(2));
            assertThat(waitingList.openEntry(household)).isEmpty();
            List<MissionPlans.PlannedDay> days = plans.days(month);
            plans.record(days.get(0).id(), true);
            assertThat(waitingList.openEntry(household)).isEmpty(); // seen once
            plans.record(days.get(1).id(), true);
            assertThat(waitingList.openEntry(household))
                    .hasValueSatisfying(
                            e -> assertThat(e.source()).isEqualTo(fr.traitant.app.matching.WaitingList.Source.MISSION));
            assertThat(slots.consultations(month)).isEqualTo(2);
            // every change after publication is in the audit trail
            assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'mission_day' and record_id = ?")
                            .param(Long.toString(days.get(0).id()))
                            .query(Long.class)
                            .single())
                    .isEqualTo(2); // confirmed, held
        } finally {
            clock.reset();
        }
    }
}
