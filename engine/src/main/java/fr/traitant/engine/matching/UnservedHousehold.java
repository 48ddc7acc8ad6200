package fr.traitant.engine.matching;

/**
 * A household left without a proposal.
 *
 * @param householdId household
 * @param size people
 * @param priority priority class
 * @param reason why
 * @param eligibleDoctors doctors that could have served it (within reach, accepting, needs met, large enough)
 */
public record UnservedHousehold(
        String householdId, int size, int priority, UnservedReason reason, int eligibleDoctors) {}
