package fr.traitant.app.matching;

import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.LongTermCondition;
import fr.traitant.app.members.Vulnerability;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The waiting list's priority policy (docs/methodology/priority.md): each member needing a doctor scores points from
 * their data; the household's score is its highest member score plus a bonus for a transfer (they lost their GP
 * through no choice of theirs); thresholds turn the score into a class, 1 (most urgent) to 5. Every number is a
 * setting under {@code traitant.waiting-list.priority}.
 *
 * @param targetCondition   ALD in a group targeted by the national programme (cardiovascular, diabetes, psychiatric, cancer)
 * @param otherCondition    any other ALD
 * @param vulnerability     points per vulnerability flag (PREGNANCY, DISABILITY, …); missing flags score 1
 * @param aged              member aged {@code agedFrom} or more
 * @param agedFrom          age in years
 * @param infant            child under {@code infantUnder} years (follow-up examinations)
 * @param infantUnder       age in years
 * @param transfer          bonus for a household registered by a transfer
 * @param thresholds        minimum score of classes 1, 2, 3 and 4 (decreasing); below the last, class 5
 */
@ConfigurationProperties("traitant.waiting-list.priority")
public record PriorityPolicy(
        @DefaultValue("4") int targetCondition,
        @DefaultValue("3") int otherCondition,

        @DefaultValue({
            "PREGNANCY=3",
            "DISABILITY=2",
            "RECENT_HOSPITALISATION=2",
            "ISOLATION=1",
            "PRECARIOUSNESS=1",
            "NO_FRENCH=1"
        })
        List<String> vulnerability,

        @DefaultValue("2") int aged,
        @DefaultValue("75") int agedFrom,
        @DefaultValue("1") int infant,
        @DefaultValue("3") int infantUnder,
        @DefaultValue("1") int transfer,
        @DefaultValue({"6", "4", "3", "1"}) List<Integer> thresholds) {

    public PriorityPolicy {
        vulnerability = List.copyOf(vulnerability);
        thresholds = List.copyOf(thresholds);
        if (thresholds.size() != 4) {
            throw new IllegalArgumentException("traitant.waiting-list.priority.thresholds: 4 numbers expected");
        }
        for (int i = 1; i < 4; i++) {
            if (thresholds.get(i) > thresholds.get(i - 1)) {
                throw new IllegalArgumentException("traitant.waiting-list.priority.thresholds must decrease");
            }
        }
    }

    static final PriorityPolicy DEFAULT = new PriorityPolicy(
            4,
            3,
            List.of(
                    "PREGNANCY=3",
                    "DISABILITY=2",
                    "RECENT_HOSPITALISATION=2",
                    "ISOLATION=1",
                    "PRECARIOUSNESS=1",
                    "NO_FRENCH=1"),
            2,
            75,
            1,
            3,
            1,
            List.of(6, 4, 3, 1));

    /** A computed class with the reasons behind it (shown to advisors). */
    public record Priority(int priorityClass, int score, List<String> reasons) {
        public Priority {
            reasons = List.copyOf(reasons);
        }
    }

    private Map<Vulnerability, Integer> vulnerabilityPoints() {
        Map<Vulnerability, Integer> points = new EnumMap<>(Vulnerability.class);
        for (String entry : vulnerability) {
            String[] kv = entry.split("=");
            points.put(Vulnerability.valueOf(kv[0].strip()), Integer.parseInt(kv[1].strip()));
        }
        return points;
    }

    /**
     * The priority of a household: over the members who need a doctor ({@code people}), highest member score, plus
     * the transfer bonus.
     */
    public Priority assess(List<HouseholdProfile.Person> people, boolean transferred) {
        Map<Vulnerability, Integer> vulnerabilityPoints = vulnerabilityPoints();
        int best = 0;
        List<String> bestReasons = List.of();
        for (HouseholdProfile.Person p : people) {
            int score = 0;
            List<String> reasons = new ArrayList<>();
            LongTermCondition c = p.longTermCondition();
            if (c != null) {
                boolean target = c != LongTermCondition.OTHER;
                score += target ? targetCondition : otherCondition;
                reasons.add("ALD : " + c.label());
            }
            for (Vulnerability v : p.vulnerabilities()) {
                score += vulnerabilityPoints.getOrDefault(v, 1);
                reasons.add(v.label());
            }
            if (p.age() >= agedFrom) {
                score += aged;
                reasons.add(agedFrom + " ans ou plus");
            }
            if (p.age() < infantUnder) {
                score += infant;
                reasons.add("enfant de moins de " + infantUnder + " ans");
            }
            if (score > best) {
                best = score;
                bestReasons = reasons;
            }
        }
        List<String> reasons = new ArrayList<>(bestReasons);
        int score = best;
        if (transferred) {
            score += transfer;
            reasons.add("mutation");
        }
        int priorityClass = 5;
        for (int i = 0; i < 4; i++) {
            if (score >= thresholds.get(i)) {
                priorityClass = i + 1;
                break;
            }
        }
        return new Priority(priorityClass, score, reasons);
    }
}
