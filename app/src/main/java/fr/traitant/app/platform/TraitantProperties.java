package fr.traitant.app.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration under {@code traitant.*} (documented in the README's configuration table).
 *
 * @param database embedded database settings, used only when no {@code spring.datasource.url} is set
 * @param map      map settings of the web pages
 */
@ConfigurationProperties("traitant")
public record TraitantProperties(
        @DefaultValue Database database, @DefaultValue Map map) {

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
