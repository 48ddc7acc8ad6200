package fr.traitant.engine.matching;

/** Why a doctor nearer than the proposed one was not proposed. */
public enum PassOverReason {
    /** The doctor does not take new patients. */
    NOT_ACCEPTING,
    /** The doctor cannot meet one of the household's needs. */
    NEED_NOT_MET,
    /** The doctor's remaining places are fewer than the household's size (taken by others, or too few from the start). */
    FULL,
    /** The doctor declined this household, or the household refused this doctor. */
    DECLINED_OR_REFUSED,
    /**
     * None of the above: the doctor had room but was not chosen. Never happens in a component solved
     * to proven optimality (moving the household there would lower person-minutes); may happen in
     * heuristically solved components or when the candidate list was capped.
     */
    NOT_SELECTED
}
