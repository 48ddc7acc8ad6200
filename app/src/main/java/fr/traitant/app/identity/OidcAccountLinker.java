package fr.traitant.app.identity;

import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.Rpps;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an OpenID Connect login into a Traitant account and role. The population is chosen by the client
 * registration id:
 * <ul>
 *   <li>{@code psc} (Pro Santé Connect): the national id claim ({@code traitant.security.oidc.psc-id-claim},
 *       default {@code preferred_username}, "8" + RPPS) must match the RPPS of an existing DOCTOR account;</li>
 *   <li>{@code franceconnect}: the verified {@code email} claim must match an existing INSURED account;</li>
 *   <li>any other id (e.g. {@code agents}, a Keycloak realm): the role comes from the claim
 *       {@code traitant.security.oidc.role-claim} (default {@code roles}; a string or a list; values are role
 *       names such as {@code ADVISOR}, case ignored, first recognised one wins); the account is found by e-mail or
 *       created on first login, and its role follows the claim at each login.</li>
 * </ul>
 * Anything else is refused: no account is ever created for a doctor or an insured person from a token alone.
 */
@Component
class OidcAccountLinker implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcAccountLinker.class);

    private final OidcUserService delegate = new OidcUserService();
    private final AccountRepository accounts;
    private final Clock clock;
    private final String roleClaim;
    private final String pscIdClaim;

    OidcAccountLinker(AccountRepository accounts, Clock clock,
                      @Value("${traitant.security.oidc.role-claim:roles}") String roleClaim,
                      @Value("${traitant.security.oidc.psc-id-claim:preferred_username}") String pscIdClaim) {
        this.accounts = accounts;
        this.clock = clock;
        this.roleClaim = roleClaim;
        this.pscIdClaim = pscIdClaim;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidc = delegate.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        Account account = switch (registration) {
            case "psc" -> doctor(oidc);
            case "franceconnect" -> insured(oidc);
            default -> agent(oidc);
        };
        if (!account.enabled()) {
            throw refused("Ce compte est désactivé.");
        }
        accounts.recordLogin(account.id(), clock.instant());
        log.info("OpenID Connect login through '{}' for account {} as {}", registration, account.id(), account.role());
        return new LinkedOidcUser(oidc, Accounts.summary(account));
    }

    private Account doctor(OidcUser oidc) {
        String nationalId = oidc.getClaimAsString(pscIdClaim);
        Optional<Account> account = Optional.empty();
        try {
            account = nationalId == null ? Optional.empty() : accounts.findByRpps(Rpps.fromNationalId(nationalId).value());
        } catch (IllegalArgumentException e) {
            // not an RPPS: refused below
        }
        return account.filter(a -> a.role() == Role.DOCTOR)
                .orElseThrow(() -> refused("Aucun compte médecin ne correspond à ce numéro RPPS."));
    }

    private Account insured(OidcUser oidc) {
        return email(oidc).flatMap(accounts::findByUsername).filter(a -> a.role() == Role.INSURED)
                .orElseThrow(() -> refused("Aucun compte assuré ne correspond à cette adresse électronique."));
    }

    private Account agent(OidcUser oidc) {
        Role role = roleFromClaim(oidc.getClaim(roleClaim))
                .orElseThrow(() -> refused("Votre compte n'a aucun rôle Traitant."));
        String username = email(oidc).orElseThrow(() -> refused("Le fournisseur d'identité n'a pas transmis d'adresse électronique."));
        String name = Optional.ofNullable(oidc.getFullName()).orElse(username);
        Optional<Account> existing = accounts.findByUsername(username);
        if (existing.isPresent()) {
            Account a = existing.get();
            if (a.role() == Role.INSURED || a.role() == Role.DOCTOR) {
                throw refused("Ce compte ne peut pas se connecter par l'annuaire des agents.");
            }
            accounts.updateRoleAndName(a.id(), role, name);
            return accounts.findById(a.id()).orElseThrow();
        }
        long id = accounts.insert(username, name, role, null, null, false);
        return accounts.findById(id).orElseThrow();
    }

    static Optional<Role> roleFromClaim(Object claim) {
        Collection<?> values = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim.toString().split("[ ,]+"));
        for (Object value : values) {
            String name = value.toString().trim().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(name) || role.authority().equals(name)) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> email(OidcUser oidc) {
        try {
            return Optional.ofNullable(oidc.getEmail()).map(e -> EmailAddress.of(e).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", message, null), message);
    }

    /** The OpenID Connect principal, with the Traitant account and role. */
    static final class LinkedOidcUser extends DefaultOidcUser implements AccountPrincipal {

        private final SignedInUser user;

        LinkedOidcUser(OidcUser oidc, SignedInUser user) {
            super(List.of(new SimpleGrantedAuthority(user.role().authority())), oidc.getIdToken(), oidc.getUserInfo(), "sub");
            this.user = user;
        }

        @Override
        public SignedInUser user() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }
}
