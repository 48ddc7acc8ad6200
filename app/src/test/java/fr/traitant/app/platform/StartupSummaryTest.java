package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The start-up log's last line says where the data is, never with the external server's credentials. */
class StartupSummaryTest {

    @Test
    void an_external_server_is_named_without_its_user_or_password() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "spring.datasource.url",
                        "jdbc:postgresql://db.caisse.fr:5432/traitant?user=traitant&password=s3cret&ssl=true");
        StartupSummary summary = new StartupSummary(
                environment, new StaticListableBeanFactory().getBeanProvider(EmbeddedDatabase.class));
        assertThat(summary.where())
                .isEqualTo(
                        "PostgreSQL externe jdbc:postgresql://db.caisse.fr:5432/traitant?user=***&password=***&ssl=true")
                .doesNotContain("s3cret");
    }
}
