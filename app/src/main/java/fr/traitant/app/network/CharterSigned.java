package fr.traitant.app.network;

/** A doctor signed the charter of the médecins solidaires network (published inside the signing transaction). */
public record CharterSigned(String doctorId, String rpps) {}
