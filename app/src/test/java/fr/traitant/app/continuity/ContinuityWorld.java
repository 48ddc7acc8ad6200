package fr.traitant.app.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.TestAccounts;
import fr.traitant.app.TestRpps;
import fr.traitant.app.directory.DirectoryImports;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.matching.DoctorCapacities;
import fr.traitant.app.members.MemberImport;
import fr.traitant.engine.directory.DirectoryFormat;
import fr.traitant.engine.directory.Rpps;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hand-made worlds for the continuity tests: directory doctors with an account and places, families of the fund with
 * their declared médecin traitant. Every name and number is made up; each call makes new ones.
 */
@Component
public class ContinuityWorld {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 10_000_000L);

    /** A doctor of the directory with a DOCTOR account. */
    public record Doctor(String rpps, long accountId, String login, String name) {}

    private final DirectoryImports directory;
    private final Accounts accounts;
    private final DoctorCapacities capacities;
    private final MemberImport members;
    private final JdbcClient jdbc;

    ContinuityWorld(
            DirectoryImports directory,
            Accounts accounts,
            DoctorCapacities capacities,
            MemberImport members,
            JdbcClient jdbc) {
        this.directory = directory;
        this.accounts = accounts;
        this.capacities = capacities;
        this.members = members;
        this.jdbc = jdbc;
    }

    /**
     * A general practitioner practising at this point of the commune, accepting {@code places} new patients (a
     * workflow row too when {@code places > 0}).
     */
    public Doctor doctor(String lastName, String commune, String postalCode, double lat, double lon, int places) {
        long n = SEQ.incrementAndGet();
        String rpps = TestRpps.of("17", n);
        String mail = "dr." + lastName.toLowerCase() + "." + n + "@medecin.mssante.fr";
        String line =
                rpps + "," + lastName + ",Camille,SM54," + commune + "," + postalCode + ",1 place du Marché,Cabinet "
                        + lastName + "," + lat + "," + lon + ",04 92 00 00 00," + mail + ",1,non,oui,,1960,"
                        + (places > 0 ? "ACCEPTING" : "NOT_ACCEPTING") + "," + places + ",3";
        String csv = String.join(",", DirectoryFormat.CsvColumns.ALL) + "\n" + line + "\n";
        assertThat(directory
                        .importFile(
                                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                                DirectoryFormat.TRAITANT_CSV,
                                false)
                        .status()
                        .name())
                .isEqualTo("APPLIED");
        String login = "dr." + lastName.toLowerCase() + "." + n + "@test.traitant.fr";
        long account = accounts.createLocal(
                login, "Dr Camille " + lastName, Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(rpps));
        if (places > 0) capacities.declareCapacity(account, rpps, commune, places, mail);
        return new Doctor(rpps, account, login, "Dr Camille " + lastName);
    }

    /** A family of two in this commune whose members declared {@code doctorRpps} (or nobody); returns its id. */
    public long family(String lastName, String commune, @Nullable String doctorRpps, @Nullable String email) {
        String ref = "C" + SEQ.incrementAndGet();
        importFamily(ref, lastName, commune, doctorRpps, email);
        return jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
    }

    /** The family's reference in the fund's file (for a transfer plan), from its id. */
    public String reference(long household) {
        return jdbc.sql("select external_ref from household where id = :h")
                .param("h", household)
                .query(String.class)
                .single();
    }

    /** The fund's file says the family now lives in {@code commune} with {@code doctorRpps} (or nobody) declared. */
    public void moves(long household, String lastName, String commune, @Nullable String doctorRpps) {
        String ref = reference(household);
        importFamily(ref.substring(0, ref.length() - 2), lastName, commune, doctorRpps, null);
    }

    private void importFamily(
            String ref, String lastName, String commune, @Nullable String doctorRpps, @Nullable String email) {
        String declared = doctorRpps == null ? "non;" : "oui;" + doctorRpps;
        members.importCsv(new StringReader(String.join(";", MemberImport.COLUMNS) + "\n"
                + ref + "-F;" + ref + "-1;ACTIVE;" + nir() + ";Louis;" + lastName + ";1984-03-03;M;" + commune
                + ";;;" + declared + ";" + (email == null ? "" : email) + ";;" + (email == null ? "non" : "oui") + "\n"
                + ref + "-F;" + ref + "-2;FAMILY_MEMBER;;Jeanne;" + lastName + ";2015-06-06;F;" + commune + ";;;"
                + declared + ";;;non\n"));
    }

    /** The RPPS of the doctor a proposal is addressed to. */
    public String doctorOf(long proposal) {
        return jdbc.sql("select c.rpps from proposal p join doctor_capacity c on c.id = p.doctor_id where p.id = ?")
                .param(proposal)
                .query(String.class)
                .single();
    }

    /** The DOCTOR account a proposal is addressed to. */
    public long accountOf(long proposal) {
        return jdbc.sql("select doctor_account_id from proposal where id = ?")
                .param(proposal)
                .query(Long.class)
                .single();
    }

    /** Why a proposal was made, as the family and the doctor read it. */
    public String reasonOf(long proposal) {
        return jdbc.sql("select reason from proposal where id = ?")
                .param(proposal)
                .query(String.class)
                .single();
    }

    /** A valid NIR of a man born in March 1984, different at each call. */
    private static String nir() {
        String thirteen = "18403" + "04112" + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97);
    }
}
