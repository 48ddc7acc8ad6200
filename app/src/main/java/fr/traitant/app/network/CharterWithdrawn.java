package fr.traitant.app.network;

/** A doctor withdrew their signature of the charter (published inside the withdrawing transaction). */
public record CharterWithdrawn(String doctorId) {}
