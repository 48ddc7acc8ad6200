package fr.traitant.app.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The charter's versions: the network manager publishes a new text; signatories are asked to sign it again. */
@Service
public class CharterVersions {

    private final JdbcClient jdbc;
    private final Charter charter;
    private final Clock clock;
    private final fr.traitant.app.identity.CurrentUser currentUser;
    private final fr.traitant.app.identity.Accounts accounts;
    private final fr.traitant.app.identity.Inbox inbox;

    CharterVersions(
            JdbcClient jdbc,
            Charter charter,
            Clock clock,
            fr.traitant.app.identity.CurrentUser currentUser,
            fr.traitant.app.identity.Accounts accounts,
            fr.traitant.app.identity.Inbox inbox) {
        this.jdbc = jdbc;
        this.charter = charter;
        this.clock = clock;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.inbox = inbox;
    }

    /**
     * Publishes a new version of the charter. Signatories stay signatories of the version they signed and are asked
     * (on their space, and by a notification for those with an account) to sign the new one.
     *
     * @return the new version
     */
    @Transactional
    public CharterVersion publish(String title, String body) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        if (t.length() < 5 || t.length() > 200) {
            throw new IllegalArgumentException("Le titre compte de 5 à 200 caractères.");
        }
        if (b.length() < 50 || b.length() > 20_000) {
            throw new IllegalArgumentException("Le texte compte de 50 à 20 000 caractères.");
        }
        CharterVersion current = charter.currentVersion();
        if (b.equals(current.body()) && t.equals(current.title())) {
            throw new IllegalArgumentException("Ce texte est celui de la version en vigueur.");
        }
        int version = current.version() + 1;
        Instant now = clock.instant();
        jdbc.sql(
                        "insert into charter_version (version, title, body, published_at, published_by) values (?, ?, ?, ?, ?)")
                .param(version)
                .param(t)
                .param(b)
                .param(Timestamp.from(now))
                .param(currentUser
                        .find()
                        .map(fr.traitant.app.identity.SignedInUser::username)
                        .orElse(null))
                .update();
        for (String rpps : jdbc.sql("select rpps from charter_member where not synthetic order by rpps")
                .query(String.class)
                .list()) {
            accounts.findDoctorByRpps(java.util.Objects.requireNonNull(rpps))
                    .ifPresent(u -> inbox.notify(
                            u.accountId(),
                            "La charte des médecins solidaires a une nouvelle " + "version (" + version
                                    + ") : relisez-la et confirmez vos engagements.",
                            "/espace-medecin",
                            now));
        }
        return charter.currentVersion();
    }

    /** How many signatories signed each version (the current one first), for the manager. */
    public List<int[]> signatoriesByVersion() {
        return jdbc.sql("select version, count(*) from charter_member group by version order by version desc")
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .list();
    }
}
