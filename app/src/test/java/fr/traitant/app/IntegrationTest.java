package fr.traitant.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on a real PostgreSQL holding the shipped reference data: the embedded one,
 * or the server {@code SPRING_DATASOURCE_URL} names (the second run of {@code .ci/run}).
 * Every test class with this annotation shares one application context, hence one database. OpenID Connect
 * clients "agents" and "psc" point at the in-test {@link fr.traitant.oidcserver.TestAuthorizationServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@org.junit.jupiter.api.Tag(IntegrationTest.TAG)
@SpringBootTest(classes = TraitantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = fr.traitant.oidcserver.TestAuthorizationServer.ClientRegistration.class)
public @interface IntegrationTest {

    /**
     * The JUnit tag of these tests: {@code .ci/run} runs them a second time against a PostgreSQL server installed from
     * Debian packages ({@code -Dgroups=integration} with {@code SPRING_DATASOURCE_URL}), the production configuration.
     */
    String TAG = "integration";
}
