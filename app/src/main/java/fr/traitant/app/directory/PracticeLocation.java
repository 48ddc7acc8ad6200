package fr.traitant.app.directory;

/**
 * A place where a doctor practises.
 *
 * @param ordinal     0 for the main place, then 1, 2…
 * @param name        practice name (may be empty)
 * @param address     street address (may be empty)
 * @param postalCode  postal code (may be empty)
 * @param communeCode INSEE code of the commune
 * @param lat         latitude, WGS84 degrees
 * @param lon         longitude, WGS84 degrees
 */
public record PracticeLocation(
        int ordinal, String name, String address, String postalCode, String communeCode, double lat, double lon) {}
