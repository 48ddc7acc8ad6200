package fr.traitant.app.identity;

import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.engine.directory.Rpps;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: invitations — how a doctor without Pro Santé Connect (or an agent) gets an account. An invitation is
 * e-mailed (through the outbox) with a single-use link valid {@code traitant.invitations.validity} (14 days); the link
 * carries a 256-bit secret of which only the hash is stored. Opening it lets the person set a password (the password
 * rules), which creates the account with the invitation's role (and RPPS for a doctor) and closes the invitation.
 * A resend issues a new secret and a new validity; the old link stops working. Every step is audited.
 */
@Service
public class Invitations {

    /** An invitation as the pages show it. */
    public record View(
            long id,
            Role role,
            String email,
            String displayName,
            Optional<String> rpps,
            String invitedBy,
            Instant createdAt,
            Instant sentAt,
            int sendCount,
            Instant expiresAt,
            Optional<Instant> usedAt,
            Optional<Instant> revokedAt,
            Optional<Long> accountId,
            Instant now) {

        public String stateLabel() {
            if (usedAt.isPresent()) {
                return "Compte créé";
            }
            if (revokedAt.isPresent()) {
                return "Annulée";
            }
            return expiresAt.isBefore(now) ? "Expirée" : "En attente";
        }

        public boolean open() {
            return usedAt.isEmpty() && revokedAt.isEmpty();
        }

        public boolean expired() {
            return open() && expiresAt.isBefore(now);
        }
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Duration validity;
    private final String baseUrl;

    Invitations(
            JdbcClient jdbc,
            Outbox outbox,
            Clock clock,
            PasswordEncoder passwords,
            AccountRepository accounts,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            fr.traitant.app.platform.TraitantProperties platformSettings,
            IdentityProperties settings) {
        Duration validity = settings.invitations().validity();
        String baseUrl = platformSettings.notifications().baseUrl();
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.passwords = passwords;
        this.accounts = accounts;
        this.events = events;
        this.currentUser = currentUser;
        this.validity = validity;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Invites a doctor of the directory at their MSSanté address.
     *
     * @return the invitation's id
     * @throws IllegalArgumentException (French message) when the doctor already has an account or an open invitation,
     *                                  or the address is not valid
     */
    @Transactional
    public long inviteDoctor(Rpps rpps, String mssante, String displayName) {
        if (accounts.findByRpps(rpps.value()).isPresent()) {
            throw new IllegalArgumentException("Le Dr " + displayName + " a déjà un compte Traitant.");
        }
        return invite(Role.DOCTOR, mssante, displayName, rpps.value());
    }

    /** Invites an agent of the fund or of the programme (administrator). */
    @Transactional
    public long inviteAgent(Role role, String email, String displayName) {
        if (!role.agent()) {
            throw new IllegalArgumentException("Un assuré ou un médecin ne s'invite pas comme un agent.");
        }
        return invite(role, email, displayName, null);
    }

    private long invite(Role role, String email, String displayName, @Nullable String rpps) {
        String address = EmailAddress.of(email).value();
        if (accounts.findByUsername(address).isPresent()) {
            throw new IllegalArgumentException("Un compte utilise déjà l'adresse " + address + ".");
        }
        boolean open = jdbc.sql(
                        "select exists (select 1 from account_invitation where (email = ? or rpps = ?) and used_at is null"
                                + " and revoked_at is null)")
                .param(address)
                .param(rpps)
                .query(Boolean.class)
                .single();
        if (open) {
            throw new IllegalArgumentException(
                    "Une invitation est déjà en cours pour " + displayName + " : renvoyez-la plutôt.");
        }
        String secret = Secrets.linkSecret();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into account_invitation (role, email, display_name, rpps, secret_hash, invited_by, created_at, sent_at,
                                                        expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(role.name(), address, displayName.strip())
                .param(rpps)
                .params(
                        Secrets.hash(secret),
                        actor(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(validity)))
                .query(Long.class)
                .single();
        send(id, role, address, displayName, secret, now.plus(validity));
        events.publishEvent(new AccountAudited(
                null,
                "invitation",
                Long.toString(id),
                AccountAudited.Change.CREATE,
                "Invitation à créer un compte " + role.label().toLowerCase(java.util.Locale.ROOT) + " envoyée à "
                        + address));
        return id;
    }

    /** Sends an open invitation again with a new link and a new validity (the previous link stops working). */
    @Transactional
    public void resend(long id) {
        View v = find(id).filter(View::open)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cette invitation n'est plus en cours (compte déjà créé ou invitation annulée)."));
        String secret = Secrets.linkSecret();
        Instant now = clock.instant();
        jdbc.sql(
                        "update account_invitation set secret_hash = ?, sent_at = ?, send_count = send_count + 1, expires_at = ? where id = ?")
                .params(Secrets.hash(secret), Timestamp.from(now), Timestamp.from(now.plus(validity)), id)
                .update();
        send(id, v.role(), v.email(), v.displayName(), secret, now.plus(validity));
        events.publishEvent(new AccountAudited(
                null,
                "invitation",
                Long.toString(id),
                AccountAudited.Change.UPDATE,
                "Invitation renvoyée à " + v.email()));
    }

    /** Cancels an open invitation (its link stops working). */
    @Transactional
    public void revoke(long id) {
        int n = jdbc.sql(
                        "update account_invitation set revoked_at = ? where id = ? and used_at is null and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        if (n == 1) {
            events.publishEvent(new AccountAudited(
                    null, "invitation", Long.toString(id), AccountAudited.Change.UPDATE, "Invitation annulée"));
        }
    }

    private void send(long id, Role role, String email, String displayName, String secret, Instant expires) {
        String link = baseUrl + "/invitation/" + secret;
        String day = fr.traitant.app.platform.FrenchDates.day(expires);
        String body = "Bonjour " + displayName + ",\n\n"
                + (role == Role.DOCTOR
                        ? "Vous êtes invité(e) à créer votre compte médecin sur Traitant, le service qui aide les patients sans médecin "
                                + "traitant à en trouver un. Avec ce compte, vous pouvez signer la charte des médecins solidaires, indiquer combien "
                                + "de nouveaux patients vous pouvez recevoir et répondre aux propositions.\n\n"
                        : "Un compte « " + role.label() + " » vous a été ouvert sur Traitant.\n\n")
                + "Pour choisir votre mot de passe, ouvrez ce lien (valable jusqu'au " + day + ", une seule fois) :\n"
                + link + "\n\n"
                + "Si vous n'attendiez pas ce message, ignorez-le : aucun compte n'est créé sans ce lien.\n\n"
                + "L'équipe Traitant";
        outbox.enqueue(email, "Votre compte Traitant : choisissez votre mot de passe", body, "invitation:" + id);
    }

    /** The open, unexpired invitation of this link secret, if any. */
    public Optional<View> open(String secret) {
        return byHash(Secrets.hash(secret == null ? "" : secret)).filter(v -> v.open() && !v.expired());
    }

    /** Why this link cannot be used (French), or empty when it can. */
    public Optional<String> problem(String secret) {
        Optional<View> v = byHash(Secrets.hash(secret == null ? "" : secret));
        if (v.isEmpty()) {
            return Optional.of(
                    "Ce lien d'invitation n'est pas valable : il a peut-être été remplacé par un lien plus récent. "
                            + "Utilisez le dernier message reçu, ou demandez un nouvel envoi.");
        }
        if (v.get().usedAt().isPresent()) {
            return Optional.of(
                    "Ce lien a déjà servi : votre compte existe. Connectez-vous avec votre adresse et votre mot de passe.");
        }
        if (v.get().revokedAt().isPresent()) {
            return Optional.of("Cette invitation a été annulée.");
        }
        if (v.get().expired()) {
            return Optional.of("Ce lien a expiré le "
                    + fr.traitant.app.platform.FrenchDates.day(v.get().expiresAt())
                    + ". Demandez un nouvel envoi à la personne qui vous a invité(e).");
        }
        return Optional.empty();
    }

    /**
     * Creates the account of an open invitation with this password and closes the invitation.
     *
     * @return the new account's id
     * @throws IllegalArgumentException (French message) for an unusable link or a password that breaks the rules
     */
    @Transactional(noRollbackFor = IllegalArgumentException.class) // a refused attempt keeps its audit line
    public long accept(String secret, String password) {
        Optional<String> problem = problem(secret);
        if (problem.isPresent()) {
            events.publishEvent(new AccountAudited(
                    null,
                    "invitation",
                    "lien",
                    AccountAudited.Change.REFUSED,
                    "Lien d'invitation refusé : " + problem.get()));
            throw new IllegalArgumentException(problem.get());
        }
        View v = open(secret).orElseThrow();
        PasswordPolicy.problem(password, v.email()).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (accounts.findByUsername(v.email()).isPresent()
                || v.rpps().flatMap(accounts::findByRpps).isPresent()) {
            throw new IllegalArgumentException(
                    "Un compte existe déjà pour cette adresse ou ce numéro RPPS : connectez-vous.");
        }
        long accountId = accounts.insert(
                v.email(),
                v.displayName(),
                v.role(),
                passwords.encode(password),
                v.rpps().orElse(null),
                false);
        int closed = jdbc.sql(
                        "update account_invitation set used_at = ?, account_id = ? where id = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), accountId, v.id())
                .update();
        if (closed != 1) {
            throw new IllegalStateException(
                    "The invitation " + v.id() + " was used concurrently"); // rolls the account back
        }
        events.publishEvent(AccountAudited.of(
                accountId,
                AccountAudited.Change.CREATE,
                "Compte " + v.role().label().toLowerCase(java.util.Locale.ROOT) + " créé par l'invitation n° "
                        + v.id()));
        return accountId;
    }

    public Optional<View> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from account_invitation where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    /** The invitations of these RPPS numbers (the latest of each), for the network's selection page. */
    public java.util.Map<String, View> latestByRpps(java.util.Collection<String> rpps) {
        if (rpps.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, View> latest = new java.util.HashMap<>();
        jdbc.sql("select distinct on (rpps) " + COLUMNS
                        + " from account_invitation where rpps in (:rpps) order by rpps, created_at desc")
                .param("rpps", rpps)
                .query(this::row)
                .list()
                .forEach(v -> latest.put(v.rpps().orElseThrow(), v));
        return latest;
    }

    /** Invitations, newest first, page by page; {@code role} null for all; {@code openOnly} for those in progress. */
    public ListPage<View> page(@Nullable Role role, boolean openOnly, ListRequest request) {
        String where = " where (cast(:role as text) is null or role = :role)"
                + (openOnly ? " and used_at is null and revoked_at is null" : "");
        return request.select(
                jdbc,
                COLUMNS,
                "account_invitation" + where,
                "created_at desc, id desc",
                ListRequest.SIZE,
                sql -> sql.param("role", role == null ? null : role.name()),
                this::row);
    }

    private Optional<View> byHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from account_invitation where secret_hash = ?")
                .param(hash)
                .query(this::row)
                .optional();
    }

    private static final String COLUMNS =
            "id, role, email, display_name, rpps, invited_by, created_at, sent_at, send_count, expires_at,"
                    + " used_at, revoked_at, account_id";

    private View row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new View(
                rs.getLong(1),
                Role.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                Optional.ofNullable(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(),
                rs.getInt(9),
                rs.getTimestamp(10).toInstant(),
                Optional.ofNullable(rs.getTimestamp(11)).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp(12)).map(Timestamp::toInstant),
                Optional.ofNullable((Long) rs.getObject(13)),
                clock.instant());
    }

    private String actor() {
        return currentUser.find().map(SignedInUser::username).orElse("système");
    }
}
