package fr.traitant.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.traitant.engine.campaign.TargetingProblem.Candidate;
import fr.traitant.engine.campaign.TargetingProblem.DemandZone;
import fr.traitant.engine.campaign.TargetingProblem.Reach;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value of a selection on worlds worked out by hand. */
class CoverageFlowTest {

    /**
     * Two doctors, two towns. A (p 0.5, 40 places → 20 expected) reaches Toulon (15 people) and Hyères
     * (10); B (p 1, 10 places) reaches only Toulon. Alone, A covers 20 (15 + 5 or any split), B 10.
     * Together: B fills 10 of Toulon, A the other 5 and all 10 of Hyères: 25 — which needs A's flow,
     * if it went to Toulon first, to be moved to Hyères when B arrives.
     */
    private final TargetingProblem world = TargetingProblem.of(
            List.of(new Candidate("A", 0.5, 40), new Candidate("B", 1, 10)),
            List.of(new DemandZone("Toulon", 15), new DemandZone("Hyeres", 10)),
            List.of(
                    new Reach("A", "Toulon", 5),
                    new Reach("A", "Hyeres", 20),
                    new Reach("B", "Toulon", 10),
                    new Reach("B", "Hyeres", 45)),
            30);

    @Test
    void values_worked_out_by_hand() {
        assertThat(CoverageFlow.valueOf(world, List.of())).isZero();
        assertThat(CoverageFlow.valueOf(world, List.of("A"))).isCloseTo(20, within(1e-9));
        assertThat(CoverageFlow.valueOf(world, List.of("B"))).isCloseTo(10, within(1e-9));
        assertThat(CoverageFlow.valueOf(world, List.of("A", "B"))).isCloseTo(25, within(1e-9));
        assertThat(CoverageFlow.valueOf(world, List.of("B", "A"))).isCloseTo(25, within(1e-9));
        CoverageFlow both = new CoverageFlow(world);
        both.add(world.candidateIndex("B"));
        both.add(world.candidateIndex("A"));
        // zones sorted by id: Hyeres, Toulon — both full
        assertThat(world.zones()).extracting(DemandZone::id).containsExactly("Hyeres", "Toulon");
        assertThat(both.zoneCoverage()).containsExactly(new double[] {10, 15}, within(1e-9));
    }

    @Test
    void a_pair_over_the_time_limit_carries_nothing() {
        // B → Hyères is 45 minutes: with a 30-minute limit B cannot serve Hyères even when Toulon is full
        TargetingProblem onlyB = TargetingProblem.of(
                List.of(new Candidate("B", 1, 30)),
                List.of(new DemandZone("Toulon", 15), new DemandZone("Hyeres", 10)),
                List.of(new Reach("B", "Toulon", 10), new Reach("B", "Hyeres", 45)),
                30);
        assertThat(CoverageFlow.valueOf(onlyB, List.of("B"))).isCloseTo(15, within(1e-9));
        assertThat(onlyB.pairCount()).isEqualTo(1);
    }

    @Test
    void gain_leaves_the_flow_as_it_was() {
        CoverageFlow flow = new CoverageFlow(world);
        int a = world.candidateIndex("A"), b = world.candidateIndex("B");
        assertThat(flow.add(a)).isCloseTo(20, within(1e-9));
        double[] before = flow.pairFlows();
        assertThat(flow.gain(b)).isCloseTo(5, within(1e-9));
        assertThat(flow.pairFlows()).containsExactly(before, within(1e-12));
        assertThat(flow.value()).isCloseTo(20, within(1e-9));
        assertThat(flow.add(b)).isCloseTo(5, within(1e-9));
        assertThat(flow.value()).isCloseTo(25, within(1e-9));
    }

    @Test
    void a_chain_of_moves_is_found() {
        // C1 reaches Z1, Z2; C2 reaches Z2, Z3; C3 reaches Z1 only. Each 1 expected place, each zone 1.
        // C1 then C2 then C3: C3 needs C1 to move to Z2 and C2 to move to Z3.
        TargetingProblem chain = TargetingProblem.of(
                List.of(new Candidate("C1", 1, 1), new Candidate("C2", 1, 1), new Candidate("C3", 1, 1)),
                List.of(new DemandZone("Z1", 1), new DemandZone("Z2", 1), new DemandZone("Z3", 1)),
                List.of(
                        new Reach("C1", "Z1", 1),
                        new Reach("C1", "Z2", 2),
                        new Reach("C2", "Z2", 1),
                        new Reach("C2", "Z3", 2),
                        new Reach("C3", "Z1", 1)),
                30);
        CoverageFlow flow = new CoverageFlow(chain);
        flow.add(chain.candidateIndex("C1"));
        flow.add(chain.candidateIndex("C2"));
        assertThat(flow.add(chain.candidateIndex("C3"))).isCloseTo(1, within(1e-9));
        assertThat(flow.value()).isCloseTo(3, within(1e-9));
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> new Candidate("X", 1.2, 3)).hasMessageContaining("outside 0–1");
        assertThatThrownBy(() -> new Candidate("X", 0.2, -1)).hasMessageContaining("negative places");
        assertThatThrownBy(() -> TargetingProblem.of(
                        List.of(new Candidate("A", 1, 1), new Candidate("A", 1, 1)), List.of(), List.of(), 30))
                .hasMessageContaining("duplicate candidate A");
        assertThatThrownBy(() -> TargetingProblem.of(
                        List.of(new Candidate("A", 1, 1)),
                        List.of(new DemandZone("Z", 1)),
                        List.of(new Reach("A", "Y", 1)),
                        30))
                .hasMessageContaining("unknown zone Y");
    }
}
