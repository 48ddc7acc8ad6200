package fr.traitant.app.cases;

import java.time.Period;

/** How urgent a case is; sets the due date from the date received (the PASS's 2024 mean was 34 days). */
public enum Priority {
    NORMAL("Normale", Period.ofDays(30)),
    HIGH("Haute", Period.ofDays(15)),
    URGENT("Urgente", Period.ofDays(5));

    private final String label;
    private final Period deadline;

    Priority(String label, Period deadline) {
        this.label = label;
        this.deadline = deadline;
    }

    public String label() {
        return label;
    }

    /** Time allowed to close a case of this priority, counted from the day it was received. */
    public Period deadline() {
        return deadline;
    }
}
