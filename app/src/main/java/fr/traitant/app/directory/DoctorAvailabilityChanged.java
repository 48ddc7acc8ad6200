package fr.traitant.app.directory;

import fr.traitant.engine.directory.NewPatients;

/**
 * A doctor changed whether, and how many, new patients they take (published inside the transaction that writes it,
 * so that a listener refusing the change — fewer places than already committed — undoes it). One number per doctor:
 * the directory's, which the proposal workflow's capacity follows.
 */
public record DoctorAvailabilityChanged(String rpps, NewPatients status, int capacity) {}
