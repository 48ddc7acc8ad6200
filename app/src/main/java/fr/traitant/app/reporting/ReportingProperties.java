package fr.traitant.app.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reporting module.
 *
 * @param fund the fund this installation serves, named on its reports (one installation per fund: the members' file
 *     is a fund's file)
 */
@ConfigurationProperties("traitant.reporting")
public record ReportingProperties(
        @DefaultValue("Caisse nationale militaire de sécurité sociale (CNMSS)")
        String fund) {}
