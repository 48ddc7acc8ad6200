package fr.traitant.app.privacy;

import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.identity.WorkSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The DPO's card: accesses to personal data recorded in the last 7 days. */
@Component
class PrivacyWork implements WorkSummary {

    private final JdbcClient jdbc;
    private final Clock clock;

    PrivacyWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Item> itemsFor(SignedInUser user) {
        if (user.role() != Role.DPO) {
            return List.of();
        }
        long recent = jdbc.sql("select count(*) from audit_event where occurred_at > :since")
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
                .query(Long.class)
                .single();
        return List.of(
                new Item(
                        10,
                        "Accès récents",
                        Long.toString(recent),
                        "accès aux données personnelles ces 7 derniers jours.",
                        "/dpo/journal"),
                new Item(
                        11,
                        "Conservation des données",
                        "",
                        "Enregistrements ayant dépassé leur durée de conservation.",
                        "/dpo/conservation"));
    }
}
