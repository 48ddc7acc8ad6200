package fr.traitant.app.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity module's settings (README, configuration table).
 *
 * @param security    sign-in throttling and OpenID Connect claims
 * @param invitations invitation links
 */
@ConfigurationProperties("traitant")
public record IdentityProperties(
        @DefaultValue Security security, @DefaultValue Invitations invitations) {

    /** @param login throttling of failed sign-ins; @param oidc claims read from ID tokens */
    public record Security(
            @DefaultValue Login login, @DefaultValue Oidc oidc) {}

    /**
     * @param maxFailuresPerAccount failed sign-ins per account before lockout, within the window
     * @param maxFailuresPerAddress failed sign-ins per client address before lockout
     * @param window                the window (tokens come back at this pace)
     */
    public record Login(
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("PT15M") Duration window) {}

    /**
     * @param roleClaim  ID-token claim holding an agent's role
     * @param pscIdClaim Pro Santé Connect claim holding the national id ("8" + RPPS)
     */
    public record Oidc(
            @DefaultValue("roles") String roleClaim,
            @DefaultValue("preferred_username") String pscIdClaim) {}

    /** @param validity how long an invitation link stays valid */
    public record Invitations(@DefaultValue("P14D") Duration validity) {}
}
