package fr.traitant.engine.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decay contract: weights in [0, 1], non-increasing, 0 beyond the catchment, inclusive bounds. */
class StepDecayTest {

    private final StepDecay drees = StepDecay.DREES_GENERAL_PRACTITIONERS;

    @Test
    void default_weights_with_inclusive_upper_bounds() {
        assertThat(drees.weight(0)).isEqualTo(1.0);
        assertThat(drees.weight(10)).isEqualTo(1.0);
        assertThat(drees.weight(Math.nextUp(10.0))).isEqualTo(0.66);
        assertThat(drees.weight(15)).isEqualTo(0.66);
        assertThat(drees.weight(15.5)).isEqualTo(0.33);
        assertThat(drees.weight(20)).isEqualTo(0.33);
        assertThat(drees.weight(Math.nextUp(20.0))).isZero();
        assertThat(drees.weight(Double.POSITIVE_INFINITY)).isZero();
        assertThat(drees.maxMinutes()).isEqualTo(20.0);
    }

    @Test
    void weights_never_increase_and_stay_in_unit_interval() {
        SplittableRandom random = new SplittableRandom(11);
        for (int world = 0; world < 200; world++) {
            StepDecay decay = randomDecay(random);
            double previous = 1.0;
            for (double t = 0; t < decay.maxMinutes() + 10; t += 0.25) {
                double w = decay.weight(t);
                assertThat(w).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                if (t > decay.maxMinutes()) {
                    assertThat(w).isZero();
                }
                previous = w;
            }
        }
    }

    @Test
    void parses_and_formats_the_cli_syntax() {
        assertThat(StepDecay.parse("10:1,15:0.66,20:0.33")).isEqualTo(drees);
        assertThat(StepDecay.parse(" 30 : 0.5 ")).isEqualTo(new StepDecay(List.of(new StepDecay.Step(30, 0.5))));
        assertThat(StepDecay.parse(drees.format())).isEqualTo(drees);
    }

    @Test
    void rejects_invalid_steps() {
        assertThatThrownBy(() -> StepDecay.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepDecay.parse("10:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> StepDecay.parse("10")).hasMessageContaining("minutes:weight");
        assertThatThrownBy(() -> StepDecay.parse("15:1,10:0.5")).hasMessageContaining("increasing");
        assertThatThrownBy(() -> StepDecay.parse("10:0.5,15:0.6")).hasMessageContaining("not increase");
        assertThatThrownBy(() -> StepDecay.parse("10:1.5")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> StepDecay.parse("0:1")).hasMessageContaining("> 0");
        assertThatThrownBy(() -> StepDecay.parse("10:0")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> drees.weight(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drees.weight(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    static StepDecay randomDecay(SplittableRandom random) {
        int n = 1 + random.nextInt(4);
        StepDecay.Step[] steps = new StepDecay.Step[n];
        double bound = 0;
        double weight = 1;
        for (int k = 0; k < n; k++) {
            bound += random.nextDouble(1, 10);
            weight = random.nextDouble(0.05, weight);
            steps[k] = new StepDecay.Step(bound, k == 0 ? 1.0 : weight);
            if (k == 0) {
                weight = 1.0;
            }
        }
        return new StepDecay(List.of(steps));
    }
}
