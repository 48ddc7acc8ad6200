package fr.traitant.app.campaigns;

import fr.traitant.app.network.Charter;
import fr.traitant.app.network.MemberPlaces;
import fr.traitant.app.territory.Territory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a campaign brought: per département and in all, the doctors written to and kept out (hold-out), links opened,
 * signatures (through the link, and every current signatory among those written to and among the hold-out), refusals,
 * places gained, the cost per signature, the uplift (signature rate of those written to minus that of the hold-out:
 * the effect of writing) and the demand newly covered (the network's coverage with and without the recruits).
 */
@Service
public class CampaignResults {

    /** Figures of one département, or of the whole campaign. */
    public record Line(
            String departement,
            String name,
            int contacted,
            int holdout,
            int opened,
            int signedThroughLink,
            int signedContacted,
            int signedHoldout,
            int optedOut,
            long placesGained,
            double newlyCovered,
            double costEuros) {
        /** Cost per signature among those written to, null without one. */
        public @Nullable Double costPerSignature() {
            return signedContacted == 0 ? null : costEuros / signedContacted;
        }

        public double contactedRate() {
            return contacted == 0 ? 0 : (double) signedContacted / contacted;
        }

        public double holdoutRate() {
            return holdout == 0 ? 0 : (double) signedHoldout / holdout;
        }
    }

    /**
     * @param costEuros letters posted × cost per letter (e-mails cost nothing)
     * @param costPerSignature null without a signature
     * @param uplift signature rate written to minus hold-out, null without hold-out
     * @param demandNewlyCovered people of the demand covered thanks to the recruits written to
     */
    public record Results(
            Line total,
            List<Line> departements,
            double costEuros,
            @Nullable Double costPerSignature,
            @Nullable Double uplift,
            double demandNewlyCovered) {}

    private final Campaigns campaigns;
    private final Charter charter;
    private final NetworkGaps gaps;
    private final Territory territory;

    CampaignResults(Campaigns campaigns, Charter charter, NetworkGaps gaps, Territory territory) {
        this.campaigns = campaigns;
        this.charter = charter;
        this.gaps = gaps;
        this.territory = territory;
    }

    public Results of(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<CampaignTarget> targets = campaigns.allTargets(campaignId);
        Set<String> members =
                charter.membersAmong(targets.stream().map(CampaignTarget::rpps).toList());
        Map<String, Integer> places = charter.places().stream()
                .collect(Collectors.toMap(MemberPlaces::doctorId, MemberPlaces::newPatientsPerYear));
        Map<String, List<CampaignTarget>> byDepartement = new TreeMap<>();
        for (CampaignTarget t : targets) {
            byDepartement
                    .computeIfAbsent(t.departement(), k -> new ArrayList<>())
                    .add(t);
        }
        Set<String> recruits = new HashSet<>();
        for (CampaignTarget t : targets) {
            if (t.contacted() && members.contains(t.rpps())) recruits.add(t.doctorId());
        }
        // demand newly covered, where the demand lives: the coverage with the recruits minus without them
        Map<String, Double> newly = new HashMap<>();
        if (!recruits.isEmpty()) {
            NetworkGaps.Gaps with = gaps.compute(), without = gaps.compute(recruits);
            for (NetworkGaps.DepartementGap d : with.departements()) newly.merge(d.code(), d.covered(), Double::sum);
            for (NetworkGaps.DepartementGap d : without.departements())
                newly.merge(d.code(), -d.covered(), Double::sum);
        }
        double cents = campaign.costPerLetterCents() / 100.0;
        List<Line> lines = new ArrayList<>();
        byDepartement.forEach((dep, ts) -> lines.add(line(
                dep,
                territory.departementLabel(dep),
                ts,
                members,
                places,
                Math.max(0, newly.getOrDefault(dep, 0.0)),
                cents)));
        double newlyCovered = Math.max(
                0, newly.values().stream().mapToDouble(Double::doubleValue).sum());
        Line total = line("", "Toute la campagne", targets, members, places, newlyCovered, cents);
        double cost = total.costEuros();
        return new Results(
                total,
                lines,
                cost,
                total.costPerSignature(),
                total.holdout() == 0 || campaign.draft() ? null : total.contactedRate() - total.holdoutRate(),
                newlyCovered);
    }

    private static Line line(
            String dep,
            String name,
            List<CampaignTarget> ts,
            Set<String> members,
            Map<String, Integer> places,
            double newlyCovered,
            double costPerLetter) {
        int contacted = 0, holdout = 0, opened = 0, viaLink = 0, signedContacted = 0, signedHoldout = 0, optedOut = 0;
        long gained = 0;
        int letters = 0; // e-mails cost nothing: the cost counts the letters printed and posted
        for (CampaignTarget t : ts) {
            if ("LETTER".equals(t.sentBy())) letters++;
            boolean member = members.contains(t.rpps());
            if (t.contacted()) {
                contacted++;
                if (t.openedAt() != null) opened++;
                if (t.signedAt() != null) viaLink++;
                if (t.optedOutAt() != null) optedOut++;
                if (member) {
                    signedContacted++;
                    gained += places.getOrDefault(t.doctorId(), 0);
                }
            } else if (t.holdout()) {
                holdout++;
                if (member) signedHoldout++;
            }
        }
        return new Line(
                dep,
                name,
                contacted,
                holdout,
                opened,
                viaLink,
                signedContacted,
                signedHoldout,
                optedOut,
                gained,
                newlyCovered,
                letters * costPerLetter);
    }
}
