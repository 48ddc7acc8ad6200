package fr.traitant.app.identity;

import java.util.Optional;

/** An account as stored (the password hash stays inside the identity module). */
record Account(
        long id,
        String username,
        String displayName,
        Role role,
        Optional<String> passwordHash,
        Optional<String> rpps,
        boolean enabled,
        boolean demo,
        Optional<java.time.Instant> lastLoginAt) {}
