package fr.traitant.app.platform;

/**
 * One choice of a list in a form ({@code fragments/form :: select-field}): the value sent and the French label shown.
 * Enums with {@code name()} and {@code label()} serve the same fragment directly.
 */
public record FormChoice(String name, String label) {}
