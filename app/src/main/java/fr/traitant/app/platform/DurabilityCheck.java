package fr.traitant.app.platform;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to run on a PostgreSQL server that may lose a write it has confirmed: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} must be on, embedded or external, unless
 * {@code traitant.database.allow-non-durable} says otherwise (throw-away test databases only).
 */
final class DurabilityCheck implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);
    private static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private final Environment environment;

    DurabilityCheck(Environment environment) {
        this.environment = environment;
    }

    /** Checks every data source as soon as it exists, before Flyway or anything else writes to it. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            verify(dataSource, environment.getProperty("traitant.database.allow-non-durable", Boolean.class, false));
        }
        return bean;
    }

    static void verify(DataSource dataSource, boolean allowNonDurable) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> unsafe = new ArrayList<>();
        for (String setting : SETTINGS) {
            String value = jdbc.sql("select current_setting(?)")
                    .param(setting)
                    .query(String.class)
                    .single();
            if ("off".equalsIgnoreCase(value)) {
                unsafe.add(setting + "=" + value);
            }
        }
        if (unsafe.isEmpty()) {
            return;
        }
        if (allowNonDurable) {
            log.warn(
                    "The database may lose confirmed writes after a crash ({}); allowed by traitant.database.allow-non-durable",
                    unsafe);
            return;
        }
        throw new IllegalStateException(
                "The database may lose confirmed writes after a crash (" + String.join(", ", unsafe)
                        + "): turn these settings on, or set traitant.database.allow-non-durable=true for a throw-away test database");
    }
}
