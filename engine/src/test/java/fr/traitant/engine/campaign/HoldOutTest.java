package fr.traitant.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldOutTest {

    private final List<String> ids =
            IntStream.range(0, 200).mapToObj(i -> String.format("D%03d", i)).toList();

    @Test
    void the_share_is_respected_and_drawn_from_the_selection() {
        Set<String> out = HoldOut.choose(ids, 10, 42);
        assertThat(out).hasSize(20);
        assertThat(ids).containsAll(out);
        assertThat(HoldOut.choose(ids.subList(0, 15), 10, 42)).hasSize(2); // 1.5 rounds to 2
        assertThat(HoldOut.choose(ids.subList(0, 4), 10, 42)).isEmpty(); // 0.4 rounds to 0
        assertThat(HoldOut.choose(ids, 0, 42)).isEmpty();
    }

    @Test
    void the_same_seed_gives_the_same_hold_out_whatever_the_order_and_another_seed_another() {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(HoldOut.choose(shuffled, 10, 42)).isEqualTo(HoldOut.choose(ids, 10, 42));
        assertThat(HoldOut.choose(ids, 10, 43)).isNotEqualTo(HoldOut.choose(ids, 10, 42));
    }

    @Test
    void every_doctor_has_the_same_chance_of_being_kept_out() {
        // over 2,000 seeds each of 200 doctors is kept out about 10 % of the time (binomial: 200 ± 3 × 13.4)
        int[] counts = new int[ids.size()];
        for (long seed = 0; seed < 2_000; seed++) {
            for (String id : HoldOut.choose(ids, 10, seed)) counts[Integer.parseInt(id.substring(1))]++;
        }
        assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isGreaterThanOrEqualTo(160);
        assertThat(java.util.Arrays.stream(counts).max().orElseThrow()).isLessThanOrEqualTo(240);
    }

    @Test
    void a_share_over_half_is_refused() {
        assertThatThrownBy(() -> HoldOut.choose(ids, 60, 1)).hasMessageContaining("0–50");
    }
}
