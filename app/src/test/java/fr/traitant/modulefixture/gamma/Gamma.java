package fr.traitant.modulefixture.gamma;

/** Fixture of ModularityTest. */
public record Gamma(int value) {}
