package fr.traitant.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on a real (embedded) PostgreSQL holding the shipped reference data.
 * Every test class with this annotation shares one application context, hence one database. OpenID Connect
 * clients "agents" and "psc" point at the in-test {@link fr.traitant.oidcserver.TestAuthorizationServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TraitantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = fr.traitant.oidcserver.TestAuthorizationServer.ClientRegistration.class)
public @interface IntegrationTest {}
