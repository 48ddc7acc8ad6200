package fr.traitant.app.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a local (password) login. */
final class LocalUser implements UserDetails, CredentialsContainer, AccountPrincipal {

    private final SignedInUser user;
    private final boolean enabled;
    private String passwordHash;

    LocalUser(Account account) {
        this.user = Accounts.summary(account);
        this.enabled = account.enabled();
        this.passwordHash = account.passwordHash().orElseThrow();
    }

    @Override
    public SignedInUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = "";
    }

    @Override
    public String toString() {
        return "LocalUser[" + user.accountId() + "]";
    }
}
