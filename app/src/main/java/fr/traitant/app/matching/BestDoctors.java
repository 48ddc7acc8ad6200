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
     * Proposes the best available doctors to these waiting entries (a transfer plan's families before arrival): the
     * engine once per département (the destination's for a transfer) on these households together, against the doctors
     * of that département and of the neighbouring départements within reach (ADR 0064), read once for all of them —
     * the optimum for the group (priorities first, then the shortest trips; families whole, within 30 minutes; network
     * doctors first for transferred families, ADR 0050), so that two families never compete for a place one of them
     * could do without; never a doctor who already declined or whose proposal the household refused.
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
        byDepartement.forEach((departement, demands) -> {
            ZoneMatcher.Result result = matcher.match(
                    demands,
                    inputs.doctors(List.of(departement), demands, step -> {}).supplies(),
                    excluded);
            for (ZoneMatcher.Assignment a : result.assignments()) {
                proposed.put(
                        a.entryId(),
                        workflow.propose(a.entryId(), WorkflowDoctorId.of(a.doctorId()), Explanations.reason(a)));
            }
        });
        return proposed;
    }
}
