package fr.traitant.app.cases;

import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.identity.WorkSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cases module's cards on a person's dashboard: overdue and own cases for agents, open requests for the insured. */
@Component
class CasesWork implements WorkSummary {

    private final JdbcClient jdbc;
    private final Clock clock;

    CasesWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Item> itemsFor(SignedInUser user) {
        List<Item> items = new ArrayList<>();
        if (user.role() == Role.INSURED) {
            long open = jdbc.sql("select count(*) from case_file where submitted_by = :a and status <> 'CLOSED'")
                    .param("a", user.accountId())
                    .query(Long.class)
                    .single();
            items.add(new Item(
                    11, "Mes demandes", Long.toString(open), "demande(s) d’accompagnement en cours.", "/mes-demandes"));
        }
        CaseKind.handledBy(user.role()).ifPresent(kind -> {
            LocalDate today = LocalDate.now(clock.withZone(fr.traitant.app.platform.FrenchDates.PARIS));
            long overdue = jdbc.sql("""
                            select count(*) from case_file where kind = :k and not synthetic and status <> 'CLOSED' and due_on < :today""")
                    .param("k", kind.name())
                    .param("today", today)
                    .query(Long.class)
                    .single();
            long mine = jdbc.sql("""
                            select count(*) from case_file where kind = :k and not synthetic and status <> 'CLOSED' and assignee_account_id = :a""")
                    .param("k", kind.name())
                    .param("a", user.accountId())
                    .query(Long.class)
                    .single();
            items.add(new Item(
                    10,
                    "Dossiers en retard",
                    Long.toString(overdue),
                    "dossier(s) ont dépassé leur échéance.",
                    "/dossiers?vue=overdue"));
            items.add(new Item(
                    12,
                    "Mes dossiers",
                    Long.toString(mine),
                    "dossier(s) ouverts vous sont attribués.",
                    "/dossiers?vue=mine"));
        });
        return items;
    }
}
