package fr.traitant.app.matching;

/**
 * The number of a workflow doctor (a {@code doctor_capacity} row: a directory doctor, a DOCTOR account, or both, ADR
 * 0051) — typed so that it is never taken for a waiting entry, a household or an account number.
 */
public record WorkflowDoctorId(long value) {

    public WorkflowDoctorId {
        if (value <= 0) {
            throw new IllegalArgumentException("A workflow doctor number is positive: " + value);
        }
    }

    public static WorkflowDoctorId of(long value) {
        return new WorkflowDoctorId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
