package fr.traitant.app.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraitantProperties.class)
class PlatformConfiguration {

    /** Refuses a database that may lose confirmed writes (fsync, synchronous_commit, full_page_writes). */
    @Bean
    static DurabilityCheck durabilityCheck(Environment environment) {
        return new DurabilityCheck(environment);
    }

    /** Refuses oversized uploads (413) and control characters in parameters (400) before anything else runs. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestGuard> requestGuard(
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:1GB}")
                    org.springframework.util.unit.DataSize maxRequestSize) {
        var registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RequestGuard(maxRequestSize));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The one clock of the application; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    OpenAPI traitantOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Traitant API")
                        .version("v1")
                        .description(
                                "Référentiel territorial, annuaire, accès aux soins et appariement patients–médecins traitants. "
                                        + "Les erreurs suivent la RFC 9457 (application/problem+json).")
                        .license(new License()
                                .name("Données de référence : Licence Ouverte / CC BY 4.0 (voir /sources)")));
    }
}
