package fr.traitant.app.network;

import java.time.Instant;
import java.util.Optional;

/** One entry of a doctor's charter history: SIGNED, UPDATED or WITHDRAWN. */
public record CharterEvent(
        long id,
        String doctorId,
        String rpps,
        String kind,
        int version,
        Instant at,
        Optional<CharterCommitments> commitments,
        String reason,
        boolean synthetic) {}
