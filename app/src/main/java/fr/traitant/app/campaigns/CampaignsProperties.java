package fr.traitant.app.campaigns;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The campaigns module's settings (README, configuration table).
 *
 * @param maxMinutes a doctor covers demand within this road time (minutes)
 * @param arrivalHorizon transferred families arriving within this period count as demand
 * @param priorProbability probability that a doctor written to signs, without campaign history: 2,000 signatures
 *     for about 37,000 letters in the fund's 2024 campaign (5.4 %)
 * @param defaultPlaces places a new signatory is expected to take when they declared no capacity and the network
 *     has no commitment to learn from
 */
@ConfigurationProperties("traitant.campaigns")
public record CampaignsProperties(
        @DefaultValue("30") double maxMinutes,
        @DefaultValue("P6M") Period arrivalHorizon,
        @DefaultValue("0.054") double priorProbability,
        @DefaultValue("10") int defaultPlaces) {}
