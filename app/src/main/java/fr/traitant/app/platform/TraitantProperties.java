package fr.traitant.app.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration under {@code traitant.*} (documented in the README's configuration table).
 *
 * <p>Each module binds its own settings in one record with one default each ({@code identity.IdentityProperties},
 * {@code members.MembersProperties}, {@code matching.MatchingProperties}, {@code privacy.RetentionProperties}); the
 * settings several modules share (the fund's name, e-mail and links, the demo data) are here.
 *
 * @param database embedded database settings, used only when no {@code spring.datasource.url} is set
 * @param map      map settings of the web pages
 * @param fundName the fund's name as printed in letters and e-mails
 * @param accessibilityContact where people write when they cannot use a page or a service (the accessibility
 *                 statement's contact, a legal requirement)
 * @param notifications e-mail sending and the links it carries
 * @param demo     the synthetic demo data loaded into an empty database (0 = none)
 */
@ConfigurationProperties("traitant")
public record TraitantProperties(
        @DefaultValue Database database,
        @DefaultValue Map map,

        @DefaultValue("Caisse nationale militaire de sécurité sociale")
        String fundName,

        @DefaultValue("accessibilite@traitant.example.fr") String accessibilityContact,

        @DefaultValue Notifications notifications,
        @DefaultValue Demo demo) {

    /**
     * @param from         sender address of the e-mails
     * @param lease        how long a sender holds a message it claimed (after that another sender may send it)
     * @param retryBase    first retry delay after a failed send (doubles each time)
     * @param retryMax     longest retry delay
     * @param baseUrl      public address of the platform, used in the links of e-mails and letters
     * @param linkSecret   key signing answer links; {@link #DEV_LINK_SECRET} is refused outside the demo profile
     * @param linkValidity how long an answer link stays valid
     */
    public record Notifications(
            @DefaultValue("ne-pas-repondre@traitant.example.fr")
            String from,

            @DefaultValue("PT2M") Duration lease,
            @DefaultValue("PT30S") Duration retryBase,
            @DefaultValue("PT6H") Duration retryMax,
            @DefaultValue("http://localhost:8080") String baseUrl,
            @DefaultValue(DEV_LINK_SECRET) String linkSecret,
            @DefaultValue("P14D") Duration linkValidity) {

        /** The public development key of answer links (demo profile only). */
        public static final String DEV_LINK_SECRET = "dev-only-secret-change-me";
    }

    /**
     * @param seed                     seed of every synthetic generator (same seed, same data)
     * @param syntheticDoctors         synthetic doctors generated into an empty directory
     * @param networkMembers           synthetic charter signatures near garrison towns
     * @param syntheticPopulationScale share of the fund's 2024 population generated into an empty database
     * @param careSites                synthetic France Santé sites generated into an empty registry
     * @param missionPlaces            synthetic mission places (with volunteers, a published month and the next)
     * @param departures               synthetic declared departures of old synthetic GPs, with synthetic patients
     */
    public record Demo(
            @DefaultValue("2024") long seed,
            @DefaultValue("0") int syntheticDoctors,
            @DefaultValue("0") int networkMembers,
            @DefaultValue("0") double syntheticPopulationScale,
            @DefaultValue("0") int careSites,
            @DefaultValue("0") int missionPlaces,
            @DefaultValue("0") int departures) {}

    /**
     * @param embedded         the embedded PostgreSQL started when no external database is configured
     * @param allowNonDurable  start even if the server may lose confirmed writes (fsync, synchronous_commit or
     *                         full_page_writes off): throw-away test databases only ({@link DurabilityCheck})
     */
    public record Database(
            @DefaultValue Embedded embedded,
            @DefaultValue("false") boolean allowNonDurable) {}

    /**
     * @param directory data directory; kept across restarts
     * @param port      TCP port on localhost; 0 picks a free one
     * @param clean     wipe the directory at start (tests only)
     */
    public record Embedded(
            @DefaultValue("./data/postgres") Path directory,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean clean) {}

    /**
     * @param tileUrl optional raster tile URL template ({z}/{x}/{y}); empty = offline maps on shipped outlines only
     * @param tileAttribution attribution shown with the tiles
     */
    public record Map(
            @DefaultValue("") String tileUrl,
            @DefaultValue("") String tileAttribution) {}
}
