package fr.traitant.engine.matching;

import java.util.List;

/**
 * Value of an assignment under the lexicographic objective.
 *
 * @param peopleServedByPriority people served, index 0 = priority 1 … index 4 = priority 5
 * @param personCentiminutes total of size × travel time over served households, in 1/100 minute
 */
public record Objective(List<Long> peopleServedByPriority, long personCentiminutes) implements Comparable<Objective> {

    public Objective {
        peopleServedByPriority = List.copyOf(peopleServedByPriority);
        if (peopleServedByPriority.size() != 5) throw new IllegalArgumentException("five priority classes expected");
    }

    /** People served of a priority class 1..5. */
    public long peopleServed(int priority) {
        return peopleServedByPriority.get(priority - 1);
    }

    /** All people served. */
    public long peopleServed() {
        return peopleServedByPriority.stream().mapToLong(Long::longValue).sum();
    }

    /** Total person-minutes. */
    public double personMinutes() {
        return personCentiminutes / 100.0;
    }

    /** Negative when this objective is better (more people of higher priority first, then fewer person-minutes). */
    @Override
    public int compareTo(Objective o) {
        for (int i = 0; i < 5; i++) {
            int c = Long.compare(o.peopleServedByPriority.get(i), peopleServedByPriority.get(i));
            if (c != 0) return c;
        }
        return Long.compare(personCentiminutes, o.personCentiminutes);
    }

    public boolean isBetterThan(Objective o) {
        return compareTo(o) < 0;
    }
}
