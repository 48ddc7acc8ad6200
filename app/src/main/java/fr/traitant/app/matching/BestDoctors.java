package fr.traitant.app.matching;

import fr.traitant.app.platform.values.InseeCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The best available doctors for waiting entries outside a matching run — a transfer plan's families before they
 * arrive: the engine on these households, the doctors read once per département, then the proposals made through
 * {@link ProposalWorkflow#propose}.
 */
@Service
public class BestDoctors {

    private final ZoneInputs inputs;
    private final ZoneMatcher matcher;
    private final WaitingList waitingList;
    private final ProposalWorkflow workflow;

    BestDoctors(ZoneInputs inputs, ZoneMatcher matcher, WaitingList waitingList, ProposalWorkflow workflow) {
        this.inputs = inputs;
        this.matcher = matcher;
        this.waitingList = waitingList;
        this.workflow = workflow;
    }

    /** {@link #proposeBest(Collection)} for one waiting entry. */
    @Transactional
    public Optional<ProposalId> proposeBest(long entryId) {
        return Optional.ofNullable(proposeBest(List.of(entryId)).get(entryId));
    }

    /**
     * Proposes the best available doctors to these waiting entries (a transfer plan's families before arrival), one
     * family at a time in the order given: the engine on that household against the doctors of its département (the
     * destination's for a transfer) and of the neighbouring départements within reach (ADR 0064) — the nearest
     * eligible doctor within 30 minutes with room for the whole household, network doctors first for transferred
     * families (ADR 0050), never a doctor who already declined or whose proposal the household refused — among the
     * places the previous families left. The doctors are read once per département for all the families (a plan of
     * 2,000 families read them 2,000 times: 372 s with 320,000 doctors, issue #22). Not one engine solve for the whole
     * group: families arriving in the same commune are identical points for the engine, whose exact stages then take
     * minutes (measured: 428 s for 2,000 families in six towns).
     *
     * @return the proposal made to each entry that got one
     */
    @Transactional
    public Map<Long, ProposalId> proposeBest(Collection<Long> entryIds) {
        Map<String, List<ZoneMatcher.Demand>> byDepartement = new java.util.TreeMap<>();
        for (long entryId : entryIds) {
            ZoneMatcher.Demand demand = inputs.entry(entryId);
            String departement = demand.communeCode() == null
                    ? waitingList.get(entryId).departement()
                    : InseeCode.of(demand.communeCode()).departement();
            byDepartement
                    .computeIfAbsent(departement, d -> new java.util.ArrayList<>())
                    .add(demand);
        }
        Map<Long, java.util.Set<Long>> excluded = inputs.excluded();
        Map<Long, ProposalId> proposed = new java.util.LinkedHashMap<>();
        double reach = inputs.reachMetres();
        byDepartement.forEach((departement, demands) -> {
            List<ZoneMatcher.Supply> supplies = new java.util.ArrayList<>(
                    inputs.doctors(List.of(departement), demands, step -> {}).supplies());
            Map<Long, Integer> indexOf = new java.util.HashMap<>();
            for (int i = 0; i < supplies.size(); i++)
                indexOf.put(supplies.get(i).doctorId(), i);
            fr.traitant.engine.geo.SpatialIndex practices = fr.traitant.engine.geo.SpatialIndex.of(supplies.stream()
                    .map(s -> new fr.traitant.engine.geo.GeoPoint(s.lat(), s.lon()))
                    .toList());
            for (ZoneMatcher.Demand demand : demands) {
                List<ZoneMatcher.Supply> near = new java.util.ArrayList<>();
                for (int i : practices.withinRadius(
                        new fr.traitant.engine.geo.GeoPoint(demand.lat(), demand.lon()), reach)) {
                    near.add(supplies.get(i));
                }
                for (ZoneMatcher.Assignment a :
                        matcher.match(List.of(demand), near, excluded).assignments()) {
                    proposed.put(
                            a.entryId(),
                            workflow.propose(a.entryId(), WorkflowDoctorId.of(a.doctorId()), Explanations.reason(a)));
                    // the places this family takes are no longer free for the next ones
                    int i = java.util.Objects.requireNonNull(indexOf.get(a.doctorId()));
                    supplies.set(
                            i, supplies.get(i).withRemaining(supplies.get(i).remaining() - demand.people()));
                }
            }
        });
        return proposed;
    }
}
