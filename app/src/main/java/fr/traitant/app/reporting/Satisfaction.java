package fr.traitant.app.reporting;

import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the satisfaction of families who found a médecin traitant through Traitant (issue #21, point 4): once their
 * choice is confirmed, the family is asked a short survey — satisfaction from 1 to 5, how long they had looked, whether
 * they would recommend Traitant — once per attachment. Only aggregates leave this class (the report, the dashboards).
 */
@Service
public class Satisfaction {

    /** How long the family looked for a médecin traitant, as they say it. */
    public enum SearchTime {
        LESS_THAN_1("Moins d’un mois"),
        _1_TO_3("De 1 à 3 mois"),
        _3_TO_6("De 3 à 6 mois"),
        _6_TO_12("De 6 à 12 mois"),
        MORE_THAN_12("Plus d’un an");

        private final String label;

        SearchTime(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        String code() {
            return name().startsWith("_") ? name().substring(1) : name();
        }

        static SearchTime ofCode(String code) {
            for (SearchTime t : values()) if (t.code().equals(code)) return t;
            throw new IllegalArgumentException("Durée de recherche inconnue : " + code);
        }
    }

    /** One answer, as the figures need it (no person). */
    public record Answer(
            String departement,
            @org.jspecify.annotations.Nullable String commune,
            int score,
            SearchTime searchTime,
            boolean recommend,
            Instant answeredAt) {}

    private final JdbcClient jdbc;
    private final Households households;
    private final ProposalWorkflow workflow;
    private final Clock clock;

    Satisfaction(JdbcClient jdbc, Households households, ProposalWorkflow workflow, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** The attachment a household may give its opinion on, if it has one and has not answered yet. */
    public Optional<Long> pendingFor(long householdId) {
        return workflow.attachedProposal(householdId)
                .map(p -> p.value())
                .filter(p -> jdbc.sql("select count(*) from satisfaction_answer where proposal_id = ?")
                                .param(p)
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    /** Whether the household answered about its current attachment. */
    public boolean answered(long householdId) {
        return workflow.attachedProposal(householdId).isPresent()
                && pendingFor(householdId).isEmpty();
    }

    /** Records the household's answer about its current attachment (once). */
    @Transactional
    public void answer(long householdId, int score, SearchTime searchTime, boolean recommend) {
        if (score < 1 || score > 5) throw new IllegalArgumentException("La note va de 1 à 5.");
        long proposal = pendingFor(householdId)
                .orElseThrow(() -> new NotFoundException("Aucun choix de médecin traitant en attente de votre avis."));
        var profile = households.profile(householdId);
        String departement = profile.map(fr.traitant.app.members.HouseholdProfile::departement)
                .orElse(null);
        String commune = profile.map(fr.traitant.app.members.HouseholdProfile::communeCode)
                .orElse(null);
        if (departement == null) throw new NotFoundException("Le foyer n’a pas de commune.");
        jdbc.sql("""
                        insert into satisfaction_answer (proposal_id, household_id, departement, commune_code, score,
                                                         search_months, recommend, answered_at)
                        values (:p, :h, :d, :c, :score, :months, :recommend, :at) on conflict (proposal_id) do nothing""")
                .param("p", proposal)
                .param("h", householdId)
                .param("d", departement)
                .param("c", commune, java.sql.Types.VARCHAR)
                .param("score", score)
                .param("months", searchTime.code())
                .param("recommend", recommend)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The answers given in {@code [from, to)}. */
    public List<Answer> between(Instant from, Instant to) {
        return jdbc.sql("""
                        select departement, commune_code, score, search_months, recommend, answered_at
                          from satisfaction_answer
                         where answered_at >= ? and answered_at < ? order by answered_at""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, i) -> new Answer(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        SearchTime.ofCode(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
