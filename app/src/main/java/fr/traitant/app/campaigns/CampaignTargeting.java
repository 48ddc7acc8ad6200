package fr.traitant.app.campaigns;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.MemberPlaces;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.campaign.TargetingOptimiser;
import fr.traitant.engine.campaign.TargetingOptions;
import fr.traitant.engine.campaign.TargetingProblem;
import fr.traitant.engine.campaign.TargetingResult;
import fr.traitant.engine.territory.Communes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Whom to write to in a département: the directory's general practitioners who have not signed the charter, in the
 * département and in its neighbours within reach of its uncovered demand, each with a probability of signing (the
 * documented prior, {@link CampaignsProperties#priorProbability()}; never one who refused campaigns) and the places they would take (their declared
 * capacity for new patients, otherwise the median commitment of the network's signatories). The engine's optimiser
 * chooses the selection that covers the most uncovered demand; the naive choice (nearest to the demand) is beside it.
 */
@Service
public class CampaignTargeting {

    /** A doctor in a selection. */
    public record Target(
            String doctorId,
            String rpps,
            String name,
            String communeCode,
            String communeName,
            String departement,
            double probability,
            int places) {
        public double expectedPlaces() {
            return probability * places;
        }
    }

    /**
     * @param candidates doctors who could be written to
     * @param uncoveredDemand people of the département the network does not cover
     */
    public record Targeting(
            String departement,
            String departementName,
            int budget,
            int candidates,
            double uncoveredDemand,
            List<Target> selection,
            TargetingResult result,
            List<Target> naive,
            SigningModel.Estimate estimate) {}

    private final NetworkGaps gaps;
    private final Doctors doctors;
    private final Charter charter;
    private final Territory territory;
    private final CampaignsProperties settings;
    private final Campaigns campaigns;
    private final SigningModel signing;

    CampaignTargeting(
            SigningModel signing,
            NetworkGaps gaps,
            Doctors doctors,
            Charter charter,
            Territory territory,
            CampaignsProperties settings,
            Campaigns campaigns) {
        this.campaigns = campaigns;
        this.signing = signing;
        this.gaps = gaps;
        this.doctors = doctors;
        this.charter = charter;
        this.territory = territory;
        this.settings = settings;
    }

    /** The best selection of at most {@code budget} doctors for the uncovered demand of a département. */
    public Targeting target(String departement, int budget) {
        NetworkGaps.Gaps today = gaps.compute();
        Map<String, Double> uncovered = new HashMap<>();
        for (NetworkGaps.CommuneGap c : today.communes()) {
            if (c.departement().equals(departement) && c.uncovered() > 0) uncovered.put(c.code(), c.uncovered());
        }
        Communes communes = territory.engineCommunes();
        Set<String> departements = new TreeSet<>();
        departements.add(departement);
        departements.addAll(gaps.departementsWithin(uncovered.keySet()));
        int places = expectedPlacesWithoutDeclaration();
        Set<String> optedOut = campaigns.optedOut();
        SigningModel.Estimate estimate = signing.estimate();
        Set<String> treating = signing.treatingMembers();
        Map<String, Target> byId = new HashMap<>();
        for (String dep : departements) {
            for (DoctorProfile d : doctors.activeWithRppsInDepartement(dep)) {
                if (d.networkMember()
                        || !d.specialty().isGeneralPractice()
                        || d.rpps().isEmpty()) continue;
                if (optedOut.contains(d.rpps().get())) continue; // refused further campaigns
                String commune = d.locations().getFirst().communeCode();
                if (communes.findIndex(commune).isEmpty()) continue;
                byId.put(
                        d.id(),
                        new Target(
                                d.id(),
                                d.rpps().get(),
                                d.displayName(),
                                commune,
                                communes.get(communes.indexOf(commune)).name(),
                                dep,
                                signing.probability(estimate, d, treating),
                                d.capacity() > 0 ? d.capacity() : places));
            }
        }
        List<NetworkGaps.Supply> supply = byId.values().stream()
                .map(t -> new NetworkGaps.Supply(t.doctorId(), t.communeCode(), t.probability(), t.places()))
                .toList();
        TargetingProblem problem = gaps.problem(supply, uncovered);
        TargetingResult result = TargetingOptimiser.select(problem, TargetingOptions.budget(budget));
        return new Targeting(
                departement,
                territory.departementLabel(departement),
                budget,
                byId.size(),
                uncovered.values().stream().mapToDouble(Double::doubleValue).sum(),
                result.selection().stream().map(byId::get).toList(),
                result,
                result.naiveSelection().stream().map(byId::get).toList(),
                estimate);
    }

    /** The median of the signatories' committed places, or the configured default without signatories. */
    int expectedPlacesWithoutDeclaration() {
        int[] committed = charter.places().stream()
                .mapToInt(MemberPlaces::newPatientsPerYear)
                .filter(n -> n > 0)
                .sorted()
                .toArray();
        return committed.length == 0 ? settings.defaultPlaces() : committed[committed.length / 2];
    }
}
