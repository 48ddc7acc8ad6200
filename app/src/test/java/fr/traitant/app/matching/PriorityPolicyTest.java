package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.members.HouseholdProfile.Person;
import fr.traitant.app.members.LongTermCondition;
import fr.traitant.app.members.MemberCategory;
import fr.traitant.app.members.Vulnerability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented priority policy (docs/methodology/priority.md), worked examples by hand. */
class PriorityPolicyTest {

    static Person person(int age, LongTermCondition ald, Vulnerability... flags) {
        return new Person(1, age, MemberCategory.ACTIVE, ald, List.of(flags), false, null);
    }

    final PriorityPolicy policy = PriorityPolicy.DEFAULT;

    @Test
    void a_healthy_adult_is_class_5_and_a_transfer_makes_it_class_4() {
        assertThat(policy.assess(List.of(person(35, null)), false).priorityClass())
                .isEqualTo(5);
        assertThat(policy.assess(List.of(person(35, null)), true)).satisfies(p -> {
            assertThat(p.priorityClass()).isEqualTo(4);
            assertThat(p.reasons()).containsExactly("mutation");
        });
    }

    @Test
    void diabetes_scores_4_class_2_and_with_a_pregnancy_7_class_1() {
        assertThat(policy.assess(List.of(person(50, LongTermCondition.DIABETES)), false)
                        .priorityClass())
                .isEqualTo(2);
        var p = policy.assess(List.of(person(30, LongTermCondition.DIABETES, Vulnerability.PREGNANCY)), false);
        assertThat(p.score()).isEqualTo(7);
        assertThat(p.priorityClass()).isEqualTo(1);
        assertThat(p.reasons()).containsExactly("ALD : Diabète", "Grossesse");
    }

    @Test
    void the_household_takes_its_most_urgent_member_not_the_sum() {
        // other ALD (3) → class 3; an 80-year-old (2) alone → class 4; together still 3 (max, not sum)
        assertThat(policy.assess(List.of(person(40, LongTermCondition.OTHER)), false)
                        .priorityClass())
                .isEqualTo(3);
        assertThat(policy.assess(List.of(person(80, null)), false).priorityClass())
                .isEqualTo(4);
        assertThat(policy.assess(List.of(person(40, LongTermCondition.OTHER), person(80, null)), false)
                        .priorityClass())
                .isEqualTo(3);
        // an 80-year-old with cancer: 4 + 2 = 6 → class 1
        assertThat(policy.assess(List.of(person(80, LongTermCondition.CANCER)), false)
                        .priorityClass())
                .isEqualTo(1);
        // an infant: 1 → class 4
        assertThat(policy.assess(List.of(person(1, null)), false).priorityClass())
                .isEqualTo(4);
    }

    @Test
    void every_number_is_a_setting_and_bad_thresholds_are_refused() {
        PriorityPolicy strict = new PriorityPolicy(4, 3, List.of("PREGNANCY=5"), 2, 75, 1, 3, 1, List.of(10, 8, 6, 4));
        assertThat(strict.assess(List.of(person(30, LongTermCondition.DIABETES, Vulnerability.PREGNANCY)), false)
                        .priorityClass())
                .isEqualTo(2); // 4 + 5 = 9
        assertThatThrownBy(() -> new PriorityPolicy(4, 3, List.of(), 2, 75, 1, 3, 1, List.of(1, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
