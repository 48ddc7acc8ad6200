package fr.traitant.app.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public APIs ({@code traitant.api.*}).
 *
 * @param rateLimitPerMinute requests per minute and client address to {@code /api/} and {@code /fhir} without signing
 *     in ({@link ApiRateLimit}); 0 turns the limit off (load benchmarks)
 */
@ConfigurationProperties("traitant.api")
public record ApiProperties(@DefaultValue("1200") int rateLimitPerMinute) {}
