package fr.traitant.app.identity;

import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.engine.directory.Rpps;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facade: creating and finding accounts. Passwords are checked against {@link PasswordPolicy} and hashed. */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;

    Accounts(AccountRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * A local account signing in with a password.
     *
     * @param email used as the user name
     * @param rpps  for doctors (lets Pro Santé Connect sign them in to this account), else null
     * @return the account id
     * @throws IllegalArgumentException when the password breaks the rules (French message) or the e-mail is malformed
     */
    @Transactional
    public long createLocal(
            String email, String displayName, Role role, @Nullable String password, @Nullable Rpps rpps) {
        return create(email, displayName, role, password, rpps, false);
    }

    @Transactional
    long create(
            String email, String displayName, Role role, @Nullable String password, @Nullable Rpps rpps, boolean demo) {
        String username = EmailAddress.of(email).value();
        if (password != null) {
            PasswordPolicy.problem(password, username).ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
        }
        return repository.insert(
                username,
                displayName,
                role,
                password == null ? null : passwordEncoder.encode(password),
                rpps == null ? null : rpps.value(),
                demo);
    }

    /** An account that signs in through OpenID Connect only (no password). */
    @Transactional
    public long createExternal(String email, String displayName, Role role, Rpps rpps) {
        return create(email, displayName, role, null, rpps, false);
    }

    /** The RPPS number linked to a DOCTOR account, if any (used by the directory for "my profile" and the charter). */
    public Optional<Rpps> doctorRpps(long accountId) {
        return repository
                .findById(accountId)
                .filter(a -> a.role() == Role.DOCTOR)
                .flatMap(Account::rpps)
                .map(Rpps::new);
    }

    /** The DOCTOR account linked to this RPPS number, if any (used by the cases module's doctor finder). */
    public Optional<SignedInUser> findDoctorByRpps(String rpps) {
        return repository.findByRpps(rpps).filter(a -> a.role() == Role.DOCTOR).map(Accounts::summary);
    }

    public Optional<SignedInUser> find(String email) {
        return repository.findByUsername(EmailAddress.of(email).value()).map(Accounts::summary);
    }

    /** The enabled accounts holding this role (e.g. the advisors a case can be assigned to), by name. */
    public java.util.List<SignedInUser> withRole(Role role) {
        return repository.withRole(role).stream().map(Accounts::summary).toList();
    }

    /** An account by id. */
    public Optional<SignedInUser> findById(long id) {
        return repository.findById(id).map(Accounts::summary);
    }

    static SignedInUser summary(Account account) {
        return new SignedInUser(account.id(), account.username(), account.displayName(), account.role());
    }
}
