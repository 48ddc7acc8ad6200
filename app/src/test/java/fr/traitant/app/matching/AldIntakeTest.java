package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.cases.CaseKind;
import fr.traitant.app.cases.Cases;
import fr.traitant.app.cases.Channel;
import fr.traitant.app.cases.Motive;
import fr.traitant.app.cases.NewCase;
import fr.traitant.app.cases.Priority;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, point 6: the ALD intake — letter or e-mail first, the objection period, then the waiting list; objections
 * honoured before and after listing; figures per département; never written to twice. And a case about finding a GP
 * puts the household on the waiting list.
 */
@IntegrationTest
class AldIntakeTest {

    @Autowired
    AldIntake intake;

    @Autowired
    Households households;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    long household(String name, String email) {
        long id = households.create(
                "Foyer " + name,
                InseeCode.of("48095"),
                List.of(new NewMember(
                        name,
                        "Lozérien",
                        LocalDate.of(1950, 4, 2),
                        null,
                        email == null ? null : EmailAddress.of(email),
                        null)));
        jdbc.sql("update member set long_term_condition = 'DIABETES', consent_to_contact = ? where household_id = ?")
                .params(email != null, id)
                .update();
        return id;
    }

    long outreachOf(long householdId) {
        return jdbc.sql("select id from ald_outreach where household_id = ?")
                .param(householdId)
                .query(Long.class)
                .single();
    }

    @Test
    void members_are_told_first_then_listed_after_the_objection_period_unless_they_object() throws Exception {
        long tag = System.nanoTime() % 100_000;
        long byEmail = household("Anaïs" + tag, "anais" + tag + "@exemple.fr");
        long byLetter = household("Bérénice" + tag, null);
        long objecting = household("Céleste" + tag, null);
        long before48 = jdbc.sql("select count(*) from ald_outreach where departement = '48'")
                .query(Long.class)
                .single();

        // write to everybody of the extract not written to yet (other tests' members included)
        while (jdbc.sql("select count(*) from ald_outreach where household_id in (?, ?, ?)")
                        .params(byEmail, byLetter, objecting)
                        .query(Long.class)
                        .single()
                < 3) {
            intake.contact(5_000);
        }
        LocalDate deadline = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(30);
        assertThat(jdbc.sql("select channel from ald_outreach where household_id = ?")
                        .param(byEmail)
                        .query(String.class)
                        .single())
                .isEqualTo("EMAIL");
        String mail = jdbc.sql("select body from outbox_message where reference = ?")
                .param("ald:" + outreachOf(byEmail))
                .query(String.class)
                .single();
        assertThat(mail)
                .contains(AldIntake.reference(outreachOf(byEmail)))
                .contains(fr.traitant.app.platform.FrenchDates.day(deadline))
                .contains("opposez-vous");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        try (PDDocument pdf = Loader.loadPDF(intake.letters(today))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Bérénice" + tag + " Lozérien")
                    .contains("Céleste" + tag + " Lozérien")
                    .contains(AldIntake.reference(outreachOf(byLetter)))
                    .doesNotContain("Anaïs" + tag)
                    .contains("avant le " + fr.traitant.app.platform.FrenchDates.day(deadline));
        }

        // an objection by phone before the deadline
        assertThatThrownBy(() -> intake.recordObjection("ALD-999999999", AldIntake.ObjectionChannel.PHONE))
                .hasMessageContaining("Aucun courrier");
        intake.recordObjection(
                AldIntake.reference(outreachOf(objecting)).toLowerCase(), AldIntake.ObjectionChannel.PHONE);
        assertThatThrownBy(() -> intake.recordObjection(
                        AldIntake.reference(outreachOf(objecting)), AldIntake.ObjectionChannel.LETTER))
                .hasMessageContaining("déjà enregistrée");

        // before the deadline nobody is listed
        intake.listDue();
        assertThat(Set.of(byEmail, byLetter, objecting))
                .allMatch(h -> waitingList.openEntry(h).isEmpty());

        // after it: those who did not object are on the waiting list, from the ALD data
        jdbc.sql("update ald_outreach set objection_deadline = objection_deadline - 31 where household_id in (?, ?, ?)")
                .params(byEmail, byLetter, objecting)
                .update();
        assertThat(intake.listDue()).isGreaterThanOrEqualTo(2);
        assertThat(waitingList.openEntry(byEmail))
                .hasValueSatisfying(e -> assertThat(e.source()).isEqualTo(WaitingList.Source.ALD_DATA));
        assertThat(waitingList.openEntry(byLetter)).isPresent();
        assertThat(waitingList.openEntry(objecting)).isEmpty();

        // an objection after listing withdraws the household
        AldIntake.Outreach late =
                intake.recordObjection(AldIntake.reference(outreachOf(byLetter)), AldIntake.ObjectionChannel.LETTER);
        assertThat(late.stateLabel()).startsWith("Opposition (Courrier)");
        assertThat(waitingList.openEntry(byLetter)).isEmpty();

        // figures of the département, and nobody written to twice
        AldIntake.DepartementFigures lozere = intake.figures().stream()
                .filter(f -> f.departement().equals("48"))
                .findFirst()
                .orElseThrow();
        assertThat(lozere.name()).isEqualTo("Lozère");
        assertThat(lozere.contacted()).isEqualTo(before48 + 3);
        assertThat(lozere.objected()).isGreaterThanOrEqualTo(2);
        intake.contact(5_000);
        assertThat(jdbc.sql("select count(*) from ald_outreach where household_id in (?, ?, ?)")
                        .params(byEmail, byLetter, objecting)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void a_case_about_finding_a_gp_puts_the_household_on_the_waiting_list() {
        long tag = System.nanoTime() % 100_000;
        long household = households.create(
                "Foyer Dossier" + tag,
                InseeCode.of("48095"),
                List.of(new NewMember("Dorian" + tag, "Cévenol", LocalDate.of(1988, 8, 8), null, null, null)));
        cases.openBySystem(new NewCase(
                CaseKind.PASS,
                Channel.PHONE,
                Motive.FIND_DOCTOR,
                Set.of(),
                household,
                "Dorian Cévenol",
                null,
                null,
                null,
                "Cherche un médecin traitant depuis son arrivée à Mende.",
                Priority.NORMAL));
        assertThat(waitingList.openEntry(household))
                .hasValueSatisfying(e -> assertThat(e.source()).isEqualTo(WaitingList.Source.CASE));
    }
}
