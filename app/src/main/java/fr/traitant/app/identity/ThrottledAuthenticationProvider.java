package fr.traitant.app.identity;

import java.time.Clock;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password login behind {@link LoginThrottle}: refused without looking at the password once too many attempts failed. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    /** Refusal after too many failures; the login page shows a French message for it. */
    static final class TooManyAttemptsException extends LockedException {
        TooManyAttemptsException() {
            super("Trop de tentatives de connexion");
        }
    }

    private final LoginThrottle throttle;
    private final AccountRepository accounts;
    private final Clock clock;

    ThrottledAuthenticationProvider(
            AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        super(userDetailsService(accounts));
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.accounts = accounts;
        this.clock = clock;
    }

    private static UserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.findByUsername(
                        username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(a -> a.passwordHash().isPresent())
                .map(LocalUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (throttle.isBlocked(username, address)) {
            throw new TooManyAttemptsException();
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(username);
            if (result.getPrincipal() instanceof AccountPrincipal principal) {
                accounts.recordLogin(principal.user().accountId(), clock.instant());
            }
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }
}
