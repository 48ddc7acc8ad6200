package fr.traitant.app.network;

import java.time.Instant;

/**
 * A current signatory.
 *
 * @param doctorId    directory id
 * @param rpps        RPPS number
 * @param doctorName  display name
 * @param version     charter version signed (or last accepted when updating)
 * @param signedAt    first signature
 * @param updatedAt   last signature or update
 * @param commitments commitments
 * @param communeCode main practice commune
 * @param departement its département
 * @param lat         practice latitude
 * @param lon         practice longitude
 * @param synthetic   synthetic demo signature
 */
public record Membership(
        String doctorId,
        String rpps,
        String doctorName,
        int version,
        Instant signedAt,
        Instant updatedAt,
        CharterCommitments commitments,
        String communeCode,
        String departement,
        double lat,
        double lon,
        boolean synthetic) {}
