package fr.traitant.app.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Traitant starts its own PostgreSQL 17 ({@link EmbeddedDatabase}) whose data
 * lives in {@code traitant.database.embedded.directory} and survives restarts.
 * With a URL set, Spring Boot's standard data source is used and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(TraitantProperties properties) {
        TraitantProperties.Embedded settings = properties.database().embedded();
        return EmbeddedDatabase.start(settings.directory(), settings.port(), settings.clean());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl() + "?reWriteBatchedInserts=true");
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setPoolName("traitant-embedded");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
