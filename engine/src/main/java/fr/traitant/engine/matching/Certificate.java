package fr.traitant.engine.matching;

import java.util.List;

/**
 * What a solve proves about its own result: per priority class, the people served and a proven upper bound on the
 * people of that class any assignment at least as good on the higher classes could serve (the linear relaxation over
 * every eligible pair, see {@code docs/methodology/matching.md}); and whether the person-minutes are proven minimal.
 *
 * @param served people served, index 0 = priority 1 … 4 = priority 5
 * @param bound proven upper bound of each class, {@code >= served}
 * @param personMinutesProven whether the person-minutes are proven minimal for these people served (every
 *     component solved to its proven optimum)
 */
public record Certificate(List<Long> served, List<Long> bound, boolean personMinutesProven) {

    public Certificate {
        served = List.copyOf(served);
        bound = List.copyOf(bound);
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

    /** The lexicographic optimum (people per class, then person-minutes) is proven. */
    public boolean proven() {
        return peopleProven() && personMinutesProven;
    }
}
