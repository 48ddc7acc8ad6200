package fr.traitant.app.continuity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The continuity module's settings (README, configuration table).
 *
 * @param horizonMonths the households of a doctor leaving within this many months are handed over (6: the notice a
 *     liberal doctor gives)
 */
@ConfigurationProperties("traitant.continuity")
public record ContinuityProperties(@DefaultValue("6") int horizonMonths) {}
