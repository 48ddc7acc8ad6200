package fr.traitant.app.members;

import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The members module's settings (README, configuration table).
 *
 * @param activation activation codes sent by letter
 * @param members    the population table
 */
@ConfigurationProperties("traitant")
public record MembersProperties(
        @DefaultValue Activation activation, @DefaultValue Population members) {

    /** @param validity how long an activation code stays valid */
    public record Activation(@DefaultValue("P60D") Duration validity) {}

    /** @param populationReferenceDate date at which ages are counted in the population table */
    public record Population(@DefaultValue("2024-12-31") LocalDate populationReferenceDate) {}
}
