package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.MemberImport;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The annual transfer plan: proposals before arrival, network doctors first; bad plans refused whole. */
@IntegrationTest
class TransfersTest {

    @Autowired
    Transfers transfers;

    @Autowired
    MemberImport memberImport;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Accounts accounts;

    @Autowired
    fr.traitant.app.network.Charter charter;

    @Autowired
    JdbcClient jdbc;

    private static final java.util.concurrent.atomic.AtomicInteger SEQ =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 300));

    /** A valid NIR of a man born in 1985 in Toulon, different at each call. */
    static String nir() {
        return nir("8504");
    }

    /** A valid NIR of a man born in this year and month ({@code yymm}), different at each call. */
    static String nir(String yymm) {
        String thirteen = "1" + yymm + "83137" + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97);
    }

    String family(String commune) {
        String ref = "M" + System.nanoTime();
        memberImport.importCsv(new StringReader(String.join(";", MemberImport.COLUMNS) + "\n"
                + ref + "-F;" + ref + "-1;ACTIVE;" + nir() + ";Marc;Mute;1985-04-04;M;" + commune + ";;;oui;;;;oui\n"
                + ref + "-F;" + ref + "-2;FAMILY_MEMBER;;Zoé;Mute;2019-04-04;F;" + commune + ";;;oui;;;;oui\n"));
        return ref;
    }

    @Test
    void a_family_arriving_within_the_lead_time_gets_a_network_doctor_proposed_before_arrival() {
        long near = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        capacities.declareCapacity(near, "10000000002", "90010", 5); // Belfort itself
        // further away (Cravanche, 2 km: 8 minutes against 2), but the directory doctor with this RPPS signed the
        // network's charter: network
        // doctors come first for a transferred family when at most 10 minutes farther (ADR 0050)
        String member = jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and not d.network_member
                   and c.departement_code = '90' order by d.id limit 1 offset 2""").query(String.class).single();
        charter.sign(member, new fr.traitant.app.network.CharterCommitments(true, true, 10));
        // the doctor's own account (linked to their RPPS), as a doctor signing in with Pro Santé Connect would have
        long network = accounts.createLocal(
                "reseau" + System.nanoTime() + "@medecin.mssante.fr",
                "Dr Réseau",
                Role.DOCTOR,
                TestAccounts.PASSWORD,
                fr.traitant.engine.directory.Rpps.of(member));
        capacities.declareCapacity(network, member, "90029", 5);
        String ref = family("83137");
        String later = family("83137");
        LocalDate soon = LocalDate.now().plusDays(45);
        LocalDate farAway = LocalDate.now().plusDays(200);
        String plan = "beneficiaire;foyer;commune_destination;date_arrivee\n"
                + ref + "-1;" + ref + "-F;90010;" + soon + "\n"
                + later + "-1;" + later + "-F;90010;" + farAway + "\n";
        Transfers.Result result = transfers.importPlan(new StringReader(plan));
        assertThat(result.lines()).isEqualTo(2);
        long household = jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
        WaitingList.Entry entry = waitingList.openEntry(household).orElseThrow();
        assertThat(entry.source()).isEqualTo(WaitingList.Source.TRANSFER);
        assertThat(entry.departement()).isEqualTo("90");
        assertThat(entry.people()).isEqualTo(2); // the whole family, their old GP is far away
        assertThat(entry.status()).isEqualTo(WaitingList.Status.PROPOSED);
        assertThat(jdbc.sql("select doctor_account_id from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(network);
        // arriving in 200 days: not yet
        long laterHousehold = jdbc.sql("select id from household where external_ref = :r")
                .param("r", later + "-F")
                .query(Long.class)
                .single();
        assertThat(waitingList.openEntry(laterHousehold)).isEmpty();
        // importing the same plan again creates nothing new
        transfers.importPlan(new StringReader(plan));
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * A plan's doctors are read once per destination département, not once per family: three families for the
     * Territoire de Belfort read its doctors once (before: three times — with 320,000 doctors in the directory, a
     * 2,000-family plan took 372 s, issue #22), and each family still gets its own proposal.
     */
    @Test
    void a_plan_reads_the_doctors_of_a_destination_once() {
        long doctor = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        capacities.declareCapacity(doctor, null, "90010", 12); // room for the three families of two
        LocalDate soon = LocalDate.now().plusDays(20);
        StringBuilder plan = new StringBuilder("beneficiaire;foyer;commune_destination;date_arrivee\n");
        List<String> refs = new java.util.ArrayList<>();
        for (String destination : List.of("90010", "90010", "90029")) {
            String ref = family("83137");
            refs.add(ref);
            plan.append(ref + "-1;" + ref + "-F;" + destination + ";" + soon + "\n");
        }
        double before = meters.counter(DoctorRoster.READS, "departement", "90").count();

        Transfers.Result result = transfers.importPlan(new StringReader(plan.toString()));

        assertThat(result.lines()).isEqualTo(3);
        assertThat(meters.counter(DoctorRoster.READS, "departement", "90").count() - before)
                .isEqualTo(1);
        for (String ref : refs) {
            assertThat(jdbc.sql("""
                            select count(*) from proposal p join household h on h.id = p.household_id
                             where h.external_ref = :r""").param("r", ref + "-F").query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void a_move_within_the_departement_keeps_the_doctor() {
        String ref = family("83137");
        transfers.importPlan(new StringReader("beneficiaire;foyer;commune_destination;date_arrivee\n" + ref + "-1;"
                + ref + "-F;83069;" + LocalDate.now().plusDays(10) + "\n"));
        long household = jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
        assertThat(waitingList.openEntry(household)).isEmpty();
    }

    @Test
    void a_plan_with_bad_lines_is_refused_whole() {
        String ref = family("83137");
        String plan = "beneficiaire;foyer;commune_destination;date_arrivee\n"
                + ref + "-1;" + ref + "-F;90010;" + LocalDate.now().plusDays(10) + "\n"
                + ref + "-9;" + ref + "-F;90010;2027-01-01\n"
                + ref + "-2;" + ref + "-F;99999;2027-01-01\n"
                + ref + "-2;" + ref + "-F;90010;2027-13-01\n";
        assertThatThrownBy(() -> transfers.importPlan(new StringReader(plan)))
                .isInstanceOfSatisfying(
                        Transfers.TransferPlanRefused.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "ligne 3 : bénéficiaire " + ref + "-9 inconnu dans le foyer " + ref + "-F",
                                        "ligne 4 : commune inconnue '99999'",
                                        "ligne 5 : date d'arrivée invalide (AAAA-MM-JJ attendu)"));
        assertThat(jdbc.sql("select count(*) from transfer where member_ref like :r")
                        .param("r", ref + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
