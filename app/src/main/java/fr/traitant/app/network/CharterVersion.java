package fr.traitant.app.network;

import java.time.Instant;

/** A version of the charter text. */
public record CharterVersion(int version, String title, String body, Instant publishedAt) {}
