package fr.traitant.app.matching;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The matching module's settings (README, configuration table); the waiting-list priority has its own record
 * ({@link PriorityPolicy}).
 *
 * @param matching  the matching runs
 * @param workflow  the proposal workflow
 * @param transfers the annual transfer plan
 * @param aldIntake the ALD intake
 */
@ConfigurationProperties("traitant")
public record MatchingProperties(
        @DefaultValue Matching matching,
        @DefaultValue Workflow workflow,
        @DefaultValue Transfers transfers,
        @DefaultValue AldIntake aldIntake) {

    /**
     * @param maxMinutes               longest trip offered to a household, in estimated road minutes
     * @param networkPreferenceMinutes extra minutes a doctor outside the network counts for a transferred family
     * @param paediatricsUnder         a member younger than this needs a doctor who sees children
     * @param syntheticDoctors         demo only: the synthetic directory doctors take part in the runs
     */
    public record Matching(
            @DefaultValue("30") double maxMinutes,
            @DefaultValue("10") double networkPreferenceMinutes,
            @DefaultValue("16") int paediatricsUnder,
            @DefaultValue("false") boolean syntheticDoctors) {}

    /** @param answerPeriod how long a doctor or a family has to answer a proposal */
    public record Workflow(@DefaultValue("P14D") Duration answerPeriod) {}

    /**
     * @param leadTime how long before a transfer the family is proposed a doctor
     * @param formerDoctorWithin how long a family that returns is first proposed its former médecin traitant
     */
    public record Transfers(
            @DefaultValue("P60D") Period leadTime,
            @DefaultValue("P3Y") Period formerDoctorWithin) {}

    /** @param objectionPeriod how long a patient in ALD may object before joining the waiting list */
    public record AldIntake(@DefaultValue("P30D") Period objectionPeriod) {}
}
