package fr.traitant.app.matching;

import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.identity.WorkSummary;
import fr.traitant.app.platform.Outbox;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The matching module's cards on a person's dashboard: proposals to answer, the waiting list, failing e-mails. */
@Component
class MatchingWork implements WorkSummary {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ProposalRepository proposals;

    MatchingWork(JdbcClient jdbc, Outbox outbox, ProposalRepository proposals) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.proposals = proposals;
    }

    @Override
    public List<Item> itemsFor(SignedInUser user) {
        List<Item> items = new ArrayList<>();
        switch (user.role()) {
            case DOCTOR -> {
                long pending = proposals.countForDoctorAccount(user.accountId(), ProposalStatus.PENDING, false);
                long toDeclare = proposals.countForDoctorAccount(user.accountId(), ProposalStatus.ATTACHED, true);
                items.add(new Item(
                        10,
                        "Propositions à examiner",
                        Long.toString(pending),
                        pending <= 1 ? "foyer attend votre réponse." : "foyers attendent votre réponse.",
                        "/propositions"));
                items.add(new Item(
                        11,
                        "Déclarations à faire",
                        Long.toString(toDeclare),
                        (toDeclare <= 1 ? "foyer vous a choisi et attend" : "foyers vous ont choisi et attendent")
                                + " votre déclaration de médecin traitant.",
                        "/propositions"));
            }
            case INSURED ->
                items.add(new Item(
                        10,
                        "Mon médecin traitant",
                        "",
                        "Où en est votre demande, le médecin proposé, la déclaration.",
                        "/mon-medecin-traitant"));
            case ADVISOR, CONCILIATOR -> {
                long waiting = jdbc.sql("select count(*) from waiting_entry where status = 'WAITING'")
                        .query(Long.class)
                        .single();
                items.add(new Item(
                        20,
                        "Liste d’attente",
                        Long.toString(waiting),
                        "foyers attendent un médecin traitant.",
                        "/liste-attente"));
            }
            case ADMIN -> {
                Outbox.Counts counts = outbox.counts();
                items.add(new Item(
                        10,
                        "Courriels en échec",
                        Long.toString(counts.failing()),
                        "message(s) non remis, " + counts.waiting() + " en attente d’envoi.",
                        "/exploitation/courriels"));
            }
            default -> {}
        }
        return items;
    }
}
