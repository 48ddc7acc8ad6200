package fr.traitant.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code demo} profile (what {@code ./traitant run} starts) in its own application context and database directory:
 * the demo accounts and the synthetic case history, without the synthetic directory and population (not needed by
 * these tests). Every test class with this annotation shares the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = TraitantApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "traitant.database.embedded.directory=target/test-postgres-demo",
            "traitant.demo.synthetic-doctors=0",
            "traitant.demo.synthetic-population-scale=0"
        })
@ActiveProfiles({"test", "demo"})
public @interface DemoIntegrationTest {}
