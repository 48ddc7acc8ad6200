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
@EnableConfigurationProperties({TraitantProperties.class, ApiProperties.class})
class PlatformConfiguration {

    /** Refuses a database that may lose confirmed writes (fsync, synchronous_commit, full_page_writes). */
    @Bean
    static DurabilityCheck durabilityCheck(Environment environment) {
        return new DurabilityCheck(environment);
    }

    /** Refuses oversized uploads (413) and control characters in parameters (400) before anything else runs. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestGuard> requestGuard(
            org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart) {
        // Spring Boot's own multipart setting (spring.servlet.multipart.max-request-size)
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestGuard(multipart.getMaxRequestSize()));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The public APIs used without signing in: a number of requests per minute and client address, then 429. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<ApiRateLimit> apiRateLimit(ApiProperties api) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new ApiRateLimit(api.rateLimitPerMinute()));
        registration.setOrder(-50); // after Spring Security (-100): signed-in users are known
        return registration;
    }

    /** A record form one of whose fields cannot be converted is built anyway and answered with its errors. */
    @Bean
    static RecordForms recordForms() {
        return new RecordForms();
    }

    /** Every POST form of the site gets a single-use idempotency key (a hidden field), beside its CSRF token. */
    @Bean
    static IdempotencyKeys idempotencyKeys() {
        return new IdempotencyKeys();
    }

    /** A request sent twice with the same idempotency key is processed once; the second gets the first answer. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<IdempotentSubmissions> idempotentSubmissions(
            IdempotentRequests kept) {
        var registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new IdempotentSubmissions(kept));
        // after Spring Security's chain (order -100): the CSRF token is checked first and the sender is known
        registration.setOrder(0);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    /** The one clock of the application; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** The API document states, on every write, the optional Idempotency-Key header (ADR 0074). */
    @Bean
    org.springdoc.core.customizers.GlobalOperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            boolean write = java.util.Arrays.stream(handler.getMethod().getAnnotations())
                    .anyMatch(a -> a instanceof org.springframework.web.bind.annotation.PostMapping
                            || a instanceof org.springframework.web.bind.annotation.PutMapping
                            || a instanceof org.springframework.web.bind.annotation.PatchMapping
                            || a instanceof org.springframework.web.bind.annotation.DeleteMapping);
            if (write) {
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                        .name(IdempotentSubmissions.HEADER)
                        .required(false)
                        .description("Clé à usage unique (8 à 128 caractères) : la même demande renvoyée avec la même"
                                + " clé n'est traitée qu'une fois et reçoit la première réponse"
                                + " (en-tête Idempotent-Replayed: true).")
                        .schema(new io.swagger.v3.oas.models.media.StringSchema()));
            }
            return operation;
        };
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
