package fr.traitant.app.identity;

import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.engine.directory.Rpps;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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
 *       default {@code preferred_username}, "8" + RPPS) finds the DOCTOR account of that RPPS; on a first sign-in,
 *       when the RPPS is an active doctor of the directory ({@link DoctorDirectory}), the account is created with the
 *       directory's name (and the {@code email} claim as user name when there is one); otherwise refused;</li>
 *   <li>{@code franceconnect}: the account already linked to the subject ({@code sub}) signs in; on a first
 *       sign-in the identity pivot ({@code family_name}, {@code given_name}, {@code birthdate}, {@code gender},
 *       {@code birthplace}, {@code birthcountry}) is matched against the fund's members ({@link InsuredIdentities}):
 *       exactly one member → an INSURED account linked to their household; none or several → refused, nothing
 *       created, and {@link FranceConnectUnmatched} is published so that the PASS opens a case;</li>
 *   <li>any other id (e.g. {@code agents}, a Keycloak realm): the role comes from the claim
 *       {@code traitant.security.oidc.role-claim} (default {@code roles}; a string or a list; values are role
 *       names such as {@code ADVISOR}, case ignored, first recognised one wins); the account is found by e-mail or
 *       created on first login, and its role follows the claim at each login.</li>
 * </ul>
 * Every refusal is audited ({@link AccountAudited}) and answered with a French page saying why (ADR 0062).
 */
@Component
class OidcAccountLinker implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcAccountLinker.class);

    /** Error codes of a refused sign-in, mapped to the French explanations of the sign-in page. */
    static final String UNKNOWN_DOCTOR = "medecin_inconnu";

    static final String NO_MEMBER = "assure_introuvable";
    static final String SEVERAL_MEMBERS = "assure_ambigu";
    static final String DISABLED = "compte_desactive";

    private final OidcUserService delegate = new OidcUserService();
    private final AccountRepository accounts;
    private final Clock clock;
    private final String roleClaim;
    private final String pscIdClaim;
    private final ObjectProvider<DoctorDirectory> directory;
    private final ObjectProvider<InsuredIdentities> members;
    private final ApplicationEventPublisher events;

    OidcAccountLinker(
            AccountRepository accounts,
            Clock clock,
            ObjectProvider<DoctorDirectory> directory,
            ObjectProvider<InsuredIdentities> members,
            ApplicationEventPublisher events,
            IdentityProperties settings) {
        String roleClaim = settings.security().oidc().roleClaim();
        String pscIdClaim = settings.security().oidc().pscIdClaim();
        this.accounts = accounts;
        this.clock = clock;
        this.roleClaim = roleClaim;
        this.pscIdClaim = pscIdClaim;
        this.directory = directory;
        this.members = members;
        this.events = events;
    }

    @Override
    // a refusal still commits its audit line and the PASS case it opened
    @Transactional(noRollbackFor = OAuth2AuthenticationException.class)
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidc = delegate.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        Account account = switch (registration) {
            case "psc" -> doctor(oidc);
            case "franceconnect" -> insured(oidc);
            default -> agent(oidc);
        };
        if (!account.enabled()) {
            throw refused(DISABLED, "Ce compte est désactivé.", registration, Long.toString(account.id()));
        }
        accounts.recordLogin(account.id(), clock.instant());
        log.info("OpenID Connect login through '{}' for account {} as {}", registration, account.id(), account.role());
        return new LinkedOidcUser(oidc, Accounts.summary(account));
    }

    private Account doctor(OidcUser oidc) {
        String nationalId = oidc.getClaimAsString(pscIdClaim);
        Rpps rpps;
        try {
            rpps = Rpps.fromNationalId(nationalId == null ? "" : nationalId);
        } catch (IllegalArgumentException e) {
            throw refused(
                    UNKNOWN_DOCTOR,
                    "Pro Santé Connect n'a pas transmis de numéro RPPS de médecin.",
                    "psc",
                    String.valueOf(nationalId));
        }
        Optional<Account> account = accounts.findByRpps(rpps.value());
        if (account.isPresent()) {
            return account.filter(a -> a.role() == Role.DOCTOR)
                    .orElseThrow(() -> refused(
                            UNKNOWN_DOCTOR,
                            "Ce numéro RPPS est lié à un compte qui n'est pas un compte médecin.",
                            "psc",
                            rpps.value()));
        }
        DoctorDirectory.ListedDoctor listed = Optional.ofNullable(directory.getIfAvailable())
                .flatMap(d -> d.activeDoctor(rpps.value()))
                .orElseThrow(() -> refused(
                        UNKNOWN_DOCTOR,
                        "Le numéro RPPS " + rpps.value() + " n'est pas celui d'un médecin en exercice"
                                + " dans l'annuaire national tenu par Traitant.",
                        "psc",
                        rpps.value()));
        String username = email(oidc)
                .filter(e -> accounts.findByUsername(e).isEmpty())
                .orElse("rpps-" + rpps.value() + "@psc.traitant.invalid");
        long id = accounts.insert(username, listed.displayName(), Role.DOCTOR, null, rpps.value(), false);
        events.publishEvent(AccountAudited.of(
                id,
                AccountAudited.Change.CREATE,
                "Compte médecin créé à la première connexion Pro Santé Connect (RPPS " + rpps.value() + ")"));
        log.info("DOCTOR account {} created on first Pro Santé Connect sign-in", id);
        return accounts.findById(id).orElseThrow();
    }

    private Account insured(OidcUser oidc) {
        String subject = "franceconnect|" + oidc.getSubject();
        Optional<Account> linked = accounts.findBySubject(subject);
        if (linked.isPresent()) {
            return linked.filter(a -> a.role() == Role.INSURED)
                    .orElseThrow(() -> refused(
                            NO_MEMBER,
                            "Ce compte FranceConnect est lié à un compte qui n'est pas un compte assuré.",
                            "franceconnect",
                            "sub"));
        }
        // an INSURED account opened another way (activation code, first wave) with the address FranceConnect sends
        Optional<Account> byEmail =
                email(oidc).flatMap(accounts::findByUsername).filter(a -> a.role() == Role.INSURED);
        if (byEmail.isPresent()) {
            if (byEmail.get().enabled()) {
                accounts.setSubject(byEmail.get().id(), subject);
            }
            return byEmail.get();
        }
        InsuredIdentities.Pivot pivot = pivot(oidc);
        InsuredIdentities identities = members.getIfAvailable();
        InsuredIdentities.Match match =
                identities == null || pivot == null ? new InsuredIdentities.NoMatch() : identities.match(pivot);
        switch (match) {
            case InsuredIdentities.One one -> {
                String username = email(oidc)
                        .filter(e -> accounts.findByUsername(e).isEmpty())
                        .orElse("fc-" + Secrets.hash(subject).substring(0, 16) + "@franceconnect.traitant.invalid");
                long id = accounts.insert(username, one.displayName(), Role.INSURED, null, null, false);
                accounts.setSubject(id, subject);
                java.util.Objects.requireNonNull(identities).link(one.householdId(), one.memberId(), id);
                events.publishEvent(AccountAudited.of(
                        id,
                        AccountAudited.Change.CREATE,
                        "Compte assuré créé à la première connexion FranceConnect (identité reconnue : membre "
                                + one.memberId() + ")"));
                return accounts.findById(id).orElseThrow();
            }
            case InsuredIdentities.Several several -> {
                events.publishEvent(new FranceConnectUnmatched(
                        java.util.Objects.requireNonNull(pivot), email(oidc), several.count()));
                throw refused(
                        SEVERAL_MEMBERS, "Plusieurs assurés correspondent à cette identité.", "franceconnect", "pivot");
            }
            case InsuredIdentities.NoMatch none -> {
                if (pivot != null) {
                    events.publishEvent(new FranceConnectUnmatched(pivot, email(oidc), 0));
                }
                throw refused(NO_MEMBER, "Aucun assuré ne correspond à cette identité.", "franceconnect", "pivot");
            }
        }
    }

    /** The identity pivot of the FranceConnect claims, or null when one of the mandatory claims is missing. */
    static InsuredIdentities.@Nullable Pivot pivot(OidcUser oidc) {
        String family = oidc.getClaimAsString("family_name");
        String given = oidc.getClaimAsString("given_name");
        String birthdate = oidc.getClaimAsString("birthdate");
        if (family == null || given == null || birthdate == null) {
            return null;
        }
        try {
            String gender = Optional.ofNullable(oidc.getClaimAsString("gender")).orElse("");
            return new InsuredIdentities.Pivot(
                    family,
                    given,
                    java.time.LocalDate.parse(birthdate),
                    gender.equalsIgnoreCase("female") ? "F" : gender.equalsIgnoreCase("male") ? "M" : "",
                    Optional.ofNullable(oidc.getClaimAsString("birthplace")).orElse(""),
                    Optional.ofNullable(oidc.getClaimAsString("birthcountry")).orElse(""));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Account agent(OidcUser oidc) {
        Role role = roleFromClaim(oidc.getClaim(roleClaim))
                .orElseThrow(() -> refused("Votre compte n'a aucun rôle Traitant."));
        String username = email(oidc)
                .orElseThrow(() -> refused("Le fournisseur d'identité n'a pas transmis d'adresse électronique."));
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

    static Optional<Role> roleFromClaim(@Nullable Object claim) {
        Collection<?> values = claim instanceof Collection<?> c
                ? c
                : claim == null ? List.of() : List.of(claim.toString().split("[ ,]+"));
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
            return Optional.ofNullable(oidc.getEmail())
                    .map(e -> EmailAddress.of(e).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", message, null), message);
    }

    /** A refused first sign-in: audited (never with a secret), then answered with the page for {@code code}. */
    private OAuth2AuthenticationException refused(String code, String message, String provider, String attempted) {
        events.publishEvent(new AccountAudited(
                null,
                "connexion",
                provider + ":" + attempted,
                AccountAudited.Change.REFUSED,
                "Première connexion " + provider + " refusée : " + message));
        log.info("OpenID Connect sign-in through '{}' refused: {}", provider, code);
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }

    /** The OpenID Connect principal, with the Traitant account and role. */
    static final class LinkedOidcUser extends DefaultOidcUser implements AccountPrincipal {

        private final SignedInUser user;

        LinkedOidcUser(OidcUser oidc, SignedInUser user) {
            super(
                    List.of(new SimpleGrantedAuthority(user.role().authority())),
                    oidc.getIdToken(),
                    oidc.getUserInfo(),
                    "sub");
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
