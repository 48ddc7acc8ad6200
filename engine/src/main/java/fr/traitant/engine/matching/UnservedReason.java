package fr.traitant.engine.matching;

/** Why a household got no proposal. */
public enum UnservedReason {
    /** No doctor at all within its maximum travel time. */
    NO_DOCTOR_WITHIN_REACH,
    /** Doctors within reach, but none accepting new patients (or all with capacity 0). */
    NO_ACCEPTING_DOCTOR_WITHIN_REACH,
    /** Accepting doctors within reach, but none whose whole capacity covers the household's size. */
    HOUSEHOLD_LARGER_THAN_ANY_CAPACITY,
    /** Accepting doctors within reach, but none meeting its needs (paediatrics, language, access). */
    NEEDS_NOT_MET_WITHIN_REACH,
    /** Every eligible doctor declined the household or was refused by it. */
    ALL_ELIGIBLE_DOCTORS_DECLINED_OR_REFUSED,
    /** Eligible doctors exist but their places went to others (higher priority, or the optimum). */
    ELIGIBLE_DOCTORS_FULL
}
