package fr.traitant.modulefixture.beta;

/** Fixture of ModularityTest. */
public record Beta(int value) {}
