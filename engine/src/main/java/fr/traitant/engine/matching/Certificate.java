package fr.traitant.engine.matching;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a solve proves about its own result: per priority class, the people served and a proven upper bound on the
 * people of that class any assignment at least as good on the higher classes could serve (the linear relaxation over
 * every eligible pair, see {@code docs/methodology/matching.md}); and whether the person-minutes are proven minimal.
 *
 * @param served people served, index 0 = priority 1 … 4 = priority 5
 * @param bound proven upper bound of each class, {@code >= served}
 * @param personMinutesProven whether the person-minutes are proven minimal for these people served (every
 *     component solved to its proven optimum)
 * @param personCentiminutes person-centiminutes of the assignment
 * @param personCentiminutesBound a proven lower bound on the person-centiminutes of the lexicographic optimum, when the
 *     people of every class are proven and every component has one (its own value when proven, else the linear
 *     relaxation's); empty otherwise
 */
public record Certificate(
        List<Long> served,
        List<Long> bound,
        boolean personMinutesProven,
        long personCentiminutes,
        OptionalLong personCentiminutesBound) {

    public Certificate {
        served = List.copyOf(served);
        bound = List.copyOf(bound);
        if (personCentiminutesBound.isPresent() && personCentiminutesBound.getAsLong() > personCentiminutes)
            throw new IllegalArgumentException("person-minutes bound above the assignment's");
        if (served.size() != 5 || bound.size() != 5)
            throw new IllegalArgumentException("five priority classes expected");
        for (int k = 0; k < 5; k++) {
            if (bound.get(k) < served.get(k))
                throw new IllegalArgumentException("bound below served for priority " + (k + 1));
        }
    }

    /** People served of priority 1..5. */
    public long served(int priority) {
        return served.get(priority - 1);
    }

    /** Upper bound of priority 1..5. */
    public long bound(int priority) {
        return bound.get(priority - 1);
    }

    /** Relative gap of a class, (bound − served) / bound; 0 when the bound is 0. */
    public double gap(int priority) {
        long b = bound(priority);
        return b == 0 ? 0 : (double) (b - served(priority)) / b;
    }

    /** Every class served up to its bound. */
    public boolean peopleProven() {
        for (int k = 1; k <= 5; k++) if (served(k) != bound(k)) return false;
        return true;
    }

    /** Relative gap of the person-minutes, (value − bound) / bound; empty without a bound. */
    public java.util.OptionalDouble personMinutesGap() {
        if (personCentiminutesBound.isEmpty()) return java.util.OptionalDouble.empty();
        long b = personCentiminutesBound.getAsLong();
        return java.util.OptionalDouble.of(b == 0 ? 0 : (double) (personCentiminutes - b) / b);
    }

    /** The lexicographic optimum (people per class, then person-minutes) is proven. */
    public boolean proven() {
        return peopleProven() && personMinutesProven;
    }
}
