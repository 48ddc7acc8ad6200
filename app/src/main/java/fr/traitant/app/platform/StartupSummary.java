package fr.traitant.app.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last line of the start-up log, for the person who started Traitant: the address to open and where the data is
 * (the embedded database's directory, or the external server's address without its credentials). What was loaded is
 * logged above it by each loader (reference data, demo data).
 */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final Environment environment;
    private final ObjectProvider<EmbeddedDatabase> embedded;

    StartupSummary(Environment environment, ObjectProvider<EmbeddedDatabase> embedded) {
        this.environment = environment;
        this.embedded = embedded;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String address =
                event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                        ? "http://localhost:" + web.getWebServer().getPort() + "/"
                        : "(pas de serveur web)";
        log.info("Traitant est prêt : {} — données : {}", address, where());
    }

    /** The embedded directory, or the external JDBC URL without any user or password it may carry. */
    String where() {
        EmbeddedDatabase database = embedded.getIfAvailable();
        if (database != null) return "PostgreSQL intégré, répertoire " + database.directory();
        String url = environment.getProperty("spring.datasource.url", "");
        return "PostgreSQL externe " + url.replaceAll("(?i)([?&;](user|password)=)[^&;]*", "$1***");
    }
}
