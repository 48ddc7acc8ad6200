package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.TestMail;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails through a real SMTP server (GreenMail): signed single-use links to answer, the outbox surviving a sender
 * that died mid-sending and an SMTP server that is down.
 */
@IntegrationTest
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final Pattern LINK = Pattern.compile("(/reponse/[0-9a-f]{32}\\.[0-9a-f]{64})");

    @LocalServerPort
    int port;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    BestDoctors bestDoctors;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static void await(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The decoded part of this type ({@code text/plain} or {@code text/html}) of a message, multipart or not. */
    static String part(jakarta.mail.Part message, String type) {
        try {
            if (message.isMimeType(type)) {
                return message.getContent().toString();
            }
            if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a message. */
    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The first message to this address whose subject contains these words. */
    MimeMessage withSubject(String address, String words) throws InterruptedException {
        await(() -> mailTo(address).stream().anyMatch(m -> subject(m).contains(words)));
        return mailTo(address).stream()
                .filter(m -> subject(m).contains(words))
                .findFirst()
                .orElseThrow();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String link(MimeMessage message, String label) {
        String body = text(message);
        for (String line : body.split("\\r?\\n")) {
            if (line.startsWith(label)) {
                Matcher m = LINK.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no " + label + " link in " + body);
    }

    @Test
    void doctor_and_family_answer_through_signed_single_use_links() throws Exception {
        String doctorMail = "dr" + System.nanoTime() + "@medecin.mssante.fr";
        String familyMail = "famille" + System.nanoTime() + "@example.fr";
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(doctor.accountId(), "10000000004", "86194", 3, doctorMail);
        long household = households.create(
                "Foyer Courriel",
                InseeCode.of("86194"),
                List.of(new NewMember(
                        "Iris", "Courriel", LocalDate.of(1987, 6, 1), null, EmailAddress.of(familyMail), null)));
        jdbc.sql("update member set consent_to_contact = true where household_id = :h")
                .param("h", household)
                .update();
        long entry = waitingList.register(household, WaitingList.Source.ONLINE, Instant.now());
        long proposal = bestDoctors.proposeBest(entry).orElseThrow().value();

        await(() -> !mailTo(doctorMail).isEmpty());
        MimeMessage toDoctor = mailTo(doctorMail).getFirst();
        assertThat(toDoctor.getSubject()).contains("proposition " + proposal);
        String accept = link(toDoctor, "Accepter");
        WebSession anonymous = new WebSession(port);
        // a GET only shows the question (mail scanners open links)
        assertThat(anonymous.get(accept).body().replace("&#39;", "'")).contains("J'accepte");
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("PENDING");
        // a forged signature is refused
        assertThat(anonymous
                        .get(accept.substring(0, accept.length() - 4) + "0000")
                        .body()
                        .replace("&#39;", "'"))
                .contains("n'est pas valide");
        assertThat(anonymous.submit(accept, accept, Map.of()).body().replace("&#39;", "'"))
                .contains("Votre réponse est enregistrée");
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("ACCEPTED");
        // single use: the same link, or its sibling "Décliner", no longer works
        assertThat(anonymous.get(accept).body().replace("&#39;", "'")).contains("n'est pas valide");
        assertThat(anonymous.get(link(toDoctor, "Décliner")).body().replace("&#39;", "'"))
                .contains("n'est pas valide");

        // the family learnt of the proposal when it was made, then of the acceptance, each in plain text and HTML
        MimeMessage made = withSubject(familyMail, "une proposition de médecin traitant est en cours");
        assertThat(text(made)).contains("Il a jusqu'au").contains("/mon-medecin-traitant");
        MimeMessage accepted = withSubject(familyMail, "un médecin accepte");
        assertThat(part(accepted, "text/html"))
                .contains("<html lang=\"fr\">")
                .contains("<a href=\"http")
                .contains(link(accepted, "Confirmer") + "\">");
        String confirm = link(accepted, "Confirmer");
        assertThat(anonymous.submit(confirm, confirm, Map.of()).body().replace("&#39;", "'"))
                .contains("Votre réponse est enregistrée");
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("ATTACHED");
        assertThat(jdbc.sql("select bool_and(has_declared_doctor) from member where household_id = :h")
                        .param("h", household)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void an_expired_link_is_refused() throws Exception {
        String doctorMail = "exp" + System.nanoTime() + "@medecin.mssante.fr";
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(doctor.accountId(), null, "16102", 3, doctorMail);
        long household = households.create(
                "Foyer Expire",
                InseeCode.of("16102"),
                List.of(new NewMember("Max", "Expire", LocalDate.of(1980, 1, 1), null, null, null)));
        long proposal = bestDoctors
                .proposeBest(waitingList.register(household, WaitingList.Source.ONLINE, Instant.now()))
                .orElseThrow()
                .value();
        await(() -> !mailTo(doctorMail).isEmpty());
        jdbc.sql("update answer_link set expires_at = now() - interval '1 second' where proposal_id = :p")
                .param("p", proposal)
                .update();
        String accept = link(mailTo(doctorMail).getFirst(), "Accepter");
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get(accept).body().replace("&#39;", "'")).contains("n'est pas valide, a expiré");
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("PENDING");
    }

    @Test
    void messages_claimed_by_a_sender_that_died_are_sent_once_its_lease_runs_out() throws Exception {
        String to = "crash" + System.nanoTime() + "@example.fr";
        transactions.executeWithoutResult(s -> {
            outbox.enqueue(to, "Un", "premier", "test:1");
            outbox.enqueue(to, "Deux", "second", "test:2");
        });
        // a sender claims them, then the application stops before sending: nothing is lost, the rows wait
        jdbc.sql(
                        "update outbox_message set claimed_until = now() + interval '1 hour', attempts = attempts + 1 where recipient = :r")
                .param("r", to)
                .update();
        // nothing is sent while the claim holds (several sender cycles)
        Awaitility.await()
                .during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(to).isEmpty());
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and sent_at is null")
                        .param("r", to)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // the claim runs out (as after a restart, once the lease has passed): they are sent
        jdbc.sql("update outbox_message set claimed_until = now() - interval '1 second' where recipient = :r")
                .param("r", to)
                .update();
        await(() -> mailTo(to).size() == 2);
        // a row is marked sent just after the SMTP server's answer: wait for the mark, then nothing is left to send
        await(() -> jdbc.sql("select count(*) from outbox_message where recipient = :r and sent_at is not null")
                        .param("r", to)
                        .query(Long.class)
                        .single()
                == 2);
        assertThat(mailTo(to)).hasSize(2);
    }

    /** At least once: when a crash comes between the SMTP answer and the mark, the copy has the same Message-ID. */
    @Test
    void a_message_sent_again_after_a_crash_carries_the_same_message_id() throws Exception {
        String to = "double" + System.nanoTime() + "@example.fr";
        transactions.executeWithoutResult(s -> outbox.enqueue(to, "Doublon", "une fois", "test:4"));
        await(() -> mailTo(to).size() == 1);
        long row = jdbc.sql("select id from outbox_message where recipient = :r")
                .param("r", to)
                .query(Long.class)
                .single();
        // as if the sender had died after the SMTP answer, before marking the row sent
        jdbc.sql("update outbox_message set sent_at = null, claimed_until = null where id = :id")
                .param("id", row)
                .update();
        await(() -> mailTo(to).size() == 2);
        List<MimeMessage> copies = mailTo(to);
        assertThat(copies.get(0).getMessageID())
                .isEqualTo(outbox.messageId(row))
                .startsWith("<outbox-" + row + "@")
                .endsWith(">");
        assertThat(copies.get(1).getMessageID()).isEqualTo(copies.get(0).getMessageID());
    }

    @Test
    void when_the_smtp_server_is_down_messages_are_retried_with_backoff_then_sent() throws Exception {
        String to = "panne" + System.nanoTime() + "@example.fr";
        greenMail.stop();
        try {
            transactions.executeWithoutResult(s -> outbox.enqueue(to, "Panne", "retry", "test:3"));
            await(() -> jdbc.sql(
                            "select attempts >= 2 and last_error is not null and sent_at is null from outbox_message where recipient = :r")
                    .param("r", to)
                    .query(Boolean.class)
                    .single());
        } finally {
            greenMail.start();
        }
        await(() -> mailTo(to).size() == 1);
        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(outbox.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(outbox.backoff(10)).isEqualTo(Duration.ofSeconds(5)); // capped by retry-max
    }

    @Test
    void a_message_is_written_only_if_its_transaction_commits() {
        String to = "rollback" + System.nanoTime() + "@example.fr";
        try {
            transactions.executeWithoutResult(s -> {
                outbox.enqueue(to, "Jamais", "rollback", "test:4");
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the change failed: no message either
        }
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r")
                        .param("r", to)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
