package fr.traitant.app.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import java.io.StringReader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing the fund's extract: whole file or nothing, every bad line reported with its number and reason. */
@IntegrationTest
class MemberImportTest {

    static final String HEADER = String.join(";", MemberImport.COLUMNS) + "\n";
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400) + 500);

    @LocalServerPort
    int port;

    @Autowired
    MemberImport memberImport;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    /** A valid NIR, different at each call. */
    static String nir(boolean man) {
        return nir(man, "8405");
    }

    /** A valid NIR of someone born in this year and month ({@code yymm}), different at each call. */
    static String nir(boolean man, String yymm) {
        String thirteen = (man ? "1" : "2") + yymm + "83137" + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97);
    }

    @Test
    void a_good_file_creates_households_and_members_audited_and_a_second_import_updates_them() {
        String ref = "T" + System.nanoTime();
        String csv = HEADER
                + ref + "-F;" + ref + "-1;ACTIVE;" + nir(true)
                + ";Paul;Import;1984-05-12;M;83137;;;non;;paul@example.fr;06 12 34 56 78;oui\n"
                + ref + "-F;" + ref
                + "-2;FAMILY_MEMBER;;Lina;Import;2015-09-03;F;83137;DIABETES;DISABILITY,ISOLATION;non;;;;non\n"
                + ref + "-G;" + ref + "-3;RETIRED;" + nir(false, "5001")
                + ";Anne;Autre;1950-01-20;F;29019;CANCER;;oui;10000000001;;;oui\n";
        MemberImport.Result result = memberImport.importCsv(new StringReader(csv));
        assertThat(result).isEqualTo(new MemberImport.Result(3, 2, 3, 0));
        assertThat(jdbc.sql("""
                        select m.category || ' ' || coalesce(m.long_term_condition, '-') || ' ' || array_to_string(m.vulnerabilities, ',')
                               || ' ' || m.has_declared_doctor || ' ' || h.commune_code
                          from member m join household h on h.id = m.household_id where m.external_ref = :r""").param("r", ref + "-2").query(String.class).single())
                .isEqualTo("FAMILY_MEMBER DIABETES DISABILITY,ISOLATION false 83137");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where purpose = :p and action = 'CREATE' and record_id in "
                                        + "(select id::text from member where external_ref like :r)")
                        .param("p", MemberImport.PURPOSE)
                        .param("r", ref + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        // the next extract: Lina now has a médecin traitant; nothing duplicated
        String again =
                HEADER + ref + "-F;" + ref + "-2;FAMILY_MEMBER;;Lina;Import;2015-09-03;F;83137;DIABETES;;oui;;;;non\n";
        assertThat(memberImport.importCsv(new StringReader(again))).isEqualTo(new MemberImport.Result(1, 0, 0, 1));
        assertThat(jdbc.sql("select has_declared_doctor from member where external_ref = :r")
                        .param("r", ref + "-2")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from member where external_ref like :r")
                        .param("r", ref + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void a_file_with_bad_lines_is_refused_whole_with_each_line_and_reason() {
        String ref = "B" + System.nanoTime();
        String good = nir(true);
        String csv = HEADER
                + ref + "-F;" + ref + "-1;ACTIVE;" + good + ";Paul;Bon;1984-05-12;M;83137;;;non;;;;oui\n"
                + ref + "-F;" + ref + "-2;ACTIVE;184058313700199;Faux;Nir;1984-05-12;M;83137;;;non;;;;oui\n"
                + ref + "-F;" + ref + "-3;SOLDIER;;X;Y;1984-05-12;M;83137;;;non;;;;oui\n"
                + ref + "-H;" + ref + "-4;RETIRED;" + nir(false) + ";A;B;1950-13-01;F;83137;;;non;;;;oui\n"
                + ref + "-H;" + ref + "-5;FAMILY_MEMBER;;A;B;1950-01-01;F;99999;;;non;;;;oui\n"
                + ref + "-K;" + ref + "-1;FAMILY_MEMBER;;A;B;1950-01-01;F;83137;;;non;;;;oui\n"
                + ref + "-K;" + ref + "-6;FAMILY_MEMBER;;A;B;1950-01-01;F;83137;FLU;;non;;pas un courriel;;oui\n"
                + ref + "-K;" + ref + "-7;FAMILY_MEMBER;;A;B;1950-01-01;F;83137;;;non;10000000001;;;oui\n"
                + ref + "-K;" + ref + "-8;FAMILY_MEMBER;;<b>A</b>;B;1950-01-01;F;83137;;;non;;;;oui\n"
                + ref + "-K;" + ref + "-9;ACTIVE;" + nir(true, "8405")
                + ";Jean;Décalé;1985-05-12;M;83137;;;non;;;;oui\n";
        assertThatThrownBy(() -> memberImport.importCsv(new StringReader(csv)))
                .isInstanceOfSatisfying(
                        MemberImportRefused.class,
                        e -> assertThat(e.errors())
                                .satisfiesExactly(
                                        l -> assertThat(l).startsWith("ligne 3 : NIR invalide"),
                                        l -> assertThat(l).startsWith("ligne 4 : categorie inconnu(e) 'SOLDIER'"),
                                        l -> assertThat(l).startsWith("ligne 5 : date de naissance invalide"),
                                        l -> assertThat(l).startsWith("ligne 6 : commune inconnue '99999'"),
                                        l -> assertThat(l).startsWith("ligne 7 : bénéficiaire " + ref + "-1 en double"),
                                        l -> assertThat(l).startsWith("ligne 8 : ald inconnu(e) 'FLU'"),
                                        l -> assertThat(l)
                                                .startsWith(
                                                        "ligne 9 : RPPS d'un médecin traitant alors que medecin_traitant = non"),
                                        l -> assertThat(l)
                                                .startsWith("ligne 10 : Le prénom ne peut contenir que des lettres"),
                                        l -> assertThat(l)
                                                .startsWith(
                                                        "ligne 11 : La date de naissance ne correspond pas au NIR")));
        // nothing written, not even the good first line
        assertThat(jdbc.sql("select count(*) from member where external_ref like :r")
                        .param("r", ref + "-%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from household where external_ref like :r")
                        .param("r", ref + "-%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void missing_columns_an_empty_file_and_a_nir_of_another_beneficiary_are_refused() {
        assertThatThrownBy(() -> memberImport.importCsv(new StringReader("foyer;beneficiaire\nA;B\n")))
                .isInstanceOfSatisfying(
                        MemberImportRefused.class,
                        e -> assertThat(e.errors().getFirst())
                                .startsWith("ligne 1 : colonne(s) manquante(s) categorie"));
        assertThatThrownBy(() -> memberImport.importCsv(new StringReader(HEADER)))
                .isInstanceOfSatisfying(
                        MemberImportRefused.class,
                        e -> assertThat(e.errors()).containsExactly("aucun bénéficiaire dans le fichier"));
        String ref = "N" + System.nanoTime();
        String nir = nir(true);
        memberImport.importCsv(new StringReader(
                HEADER + ref + "-F;" + ref + "-1;ACTIVE;" + nir + ";Paul;Un;1984-05-12;M;83137;;;non;;;;oui\n"));
        assertThatThrownBy(() -> memberImport.importCsv(new StringReader(HEADER + ref + "-G;" + ref + "-2;ACTIVE;" + nir
                        + ";Paul;Deux;1984-05-12;M;83137;;;non;;;;oui\n")))
                .isInstanceOfSatisfying(
                        MemberImportRefused.class,
                        e -> assertThat(e.errors())
                                .containsExactly("ligne 2 : NIR déjà enregistré pour un autre bénéficiaire"));
    }

    @Test
    void the_import_page_is_for_advisors_and_shows_the_expected_columns() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response page = advisor.get("/adherents/import");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("foyer;beneficiaire;categorie;nir");
        assertThat(TestAccounts.signedIn(accounts, Role.INSURED, port)
                        .get("/adherents/import")
                        .status())
                .isEqualTo(403);
    }
}
