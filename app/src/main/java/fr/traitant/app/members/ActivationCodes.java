package fr.traitant.app.members;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.LoginThrottle;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.Secrets;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.platform.PdfDocuments;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: activation codes — how an insured person without FranceConnect gets an account. An advisor issues a code
 * for a member: printed in a PDF letter, or e-mailed where the member consented to be contacted. The person then types
 * the code, their NIR and their birth date on {@code /activation} with the e-mail and password they choose: the
 * INSURED account is created and linked to their household. Codes expire ({@code traitant.activation.validity}, 60
 * days), serve once, and a new code revokes the previous one. Attempts are throttled like sign-ins (per client address
 * and per code); a wrong code, NIR or birth date gets one message that does not say which; every attempt is audited.
 */
@Service
public class ActivationCodes {

    /** How a code reaches the person. */
    public enum Channel {
        LETTER("Courrier"),
        EMAIL("Courriel");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A code just issued: the letter's PDF for {@link Channel#LETTER}. */
    public record Issued(long id, Channel channel, Instant expiresAt, Optional<byte[]> letter) {}

    static final String WRONG =
            "Le code, le numéro de sécurité sociale ou la date de naissance ne correspondent pas. Vérifiez-les "
                    + "(le code figure sur le courrier ou le courriel reçu) et réessayez.";

    private final JdbcClient jdbc;
    private final HouseholdRepository members;
    private final Households households;
    private final Accounts accounts;
    private final AuditTrail auditTrail;
    private final Outbox outbox;
    private final PdfDocuments pdf;
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Duration validity;
    private final String baseUrl;
    private final String fundName;

    ActivationCodes(
            JdbcClient jdbc,
            HouseholdRepository members,
            Households households,
            Accounts accounts,
            AuditTrail auditTrail,
            Outbox outbox,
            PdfDocuments pdf,
            LoginThrottle throttle,
            CurrentUser currentUser,
            Clock clock,
            fr.traitant.app.platform.TraitantProperties platformSettings,
            MembersProperties settings) {
        Duration validity = settings.activation().validity();
        String baseUrl = platformSettings.notifications().baseUrl();
        String fundName = platformSettings.fundName();
        this.jdbc = jdbc;
        this.members = members;
        this.households = households;
        this.accounts = accounts;
        this.auditTrail = auditTrail;
        this.outbox = outbox;
        this.pdf = pdf;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.clock = clock;
        this.validity = validity;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.fundName = fundName;
    }

    /**
     * Issues a new code for a member of this household (revoking an open one), by letter or e-mail.
     *
     * @throws IllegalArgumentException (French message) when the member is not of the household, has no NIR or birth
     *                                  date (the code could not be checked), or cannot be e-mailed
     */
    @Transactional
    public Issued issue(long householdId, long memberId, Channel channel) {
        HouseholdRepository.MemberRow m = members.findMember(memberId)
                .filter(r -> r.householdId() == householdId)
                .orElseThrow(() -> new IllegalArgumentException("Ce membre n'appartient pas à ce foyer."));
        if (m.nir() == null || m.birthDate() == null) {
            throw new IllegalArgumentException(
                    "Ce membre n'a pas de NIR ou de date de naissance connus : un code ne pourrait pas être "
                            + "vérifié. Complétez d'abord le fichier des bénéficiaires.");
        }
        if (channel == Channel.EMAIL && (m.email() == null || !m.consentToContact())) {
            throw new IllegalArgumentException(
                    "Ce membre n'a pas d'adresse électronique ou n'a pas accepté d'être contacté : "
                            + "envoyez le code par courrier.");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        jdbc.sql(
                        "update activation_code set revoked_at = ? where member_id = ? and used_at is null and revoked_at is null")
                .params(Timestamp.from(now), memberId)
                .update();
        String code = Secrets.activationCode();
        long id = jdbc.sql("""
                        insert into activation_code (member_id, code_hash, channel, issued_by, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        memberId,
                        Secrets.hash(Secrets.normalizeCode(code)),
                        channel.name(),
                        actor(),
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .query(Long.class)
                .single();
        auditTrail.record(
                MembersPersonalData.personRef(memberId),
                "activation_code",
                Long.toString(id),
                AuditAction.CREATE,
                "Code d'activation de compte envoyé par " + channel.label().toLowerCase(java.util.Locale.ROOT));
        String url = baseUrl + "/activation";
        if (channel == Channel.EMAIL) {
            outbox.enqueue(
                    java.util.Objects.requireNonNull(m.email(), "an e-mail code for a member without an address"),
                    "Votre code pour activer votre compte Traitant",
                    "Bonjour " + m.firstName() + " " + m.lastName()
                            + ",\n\nPour créer votre compte Traitant (suivre les propositions de médecin traitant faites à votre foyer), "
                            + "ouvrez " + url
                            + " et saisissez ce code avec votre numéro de sécurité sociale et votre date de naissance :\n\n"
                            + code + "\n\nCe code est personnel, valable jusqu'au " + FrenchDates.day(expires)
                            + " et ne sert qu'une fois. "
                            + "Si vous n'avez rien demandé, ignorez ce message.\n\nL'équipe Traitant",
                    "activation:" + id);
            return new Issued(id, channel, expires, Optional.empty());
        }
        var household = members.findHousehold(householdId).orElseThrow();
        boolean synthetic = jdbc.sql("select synthetic from member where id = ?")
                .param(memberId)
                .query(Boolean.class)
                .single();
        byte[] letter = pdf.render(
                "activation-letter",
                "Votre code d'activation Traitant",
                Map.of(
                        "fund",
                        fundName,
                        "name",
                        m.firstName() + " " + m.lastName(),
                        "place",
                        household.label(),
                        "today",
                        FrenchDates.day(LocalDate.now(clock)),
                        "activationUrl",
                        url,
                        "code",
                        code,
                        "expires",
                        FrenchDates.day(expires),
                        "synthetic",
                        synthetic));
        return new Issued(id, channel, expires, Optional.of(letter));
    }

    /**
     * Creates the INSURED account of the person holding this code.
     *
     * @param clientAddress the request's address, for throttling
     * @return the new account's id
     * @throws IllegalArgumentException (French message) for a wrong, expired or used code, a NIR or birth date that does
     *                                  not match, a refused e-mail or password, or too many attempts
     */
    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public long activate(
            String typedCode,
            String nirText,
            @Nullable LocalDate birthDate,
            String email,
            String password,
            String clientAddress) {
        String code = Secrets.normalizeCode(typedCode);
        String throttleKey = "activation:" + code;
        if (throttle.isBlocked(throttleKey, "activation@" + clientAddress)) {
            refused(null, "trop de tentatives");
            throw new IllegalArgumentException(
                    "Trop de tentatives ont échoué. Par sécurité, l'activation est bloquée pendant quelques "
                            + "minutes. Réessayez plus tard.");
        }
        record Row(
                long id,
                long memberId,
                Instant expires,
                @Nullable Instant used,
                @Nullable Instant revoked) {}
        Optional<Row> row = jdbc.sql(
                        "select id, member_id, expires_at, used_at, revoked_at from activation_code where code_hash = ?")
                .param(Secrets.hash(code))
                .query((rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getTimestamp(3).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(4))
                                .map(Timestamp::toInstant)
                                .orElse(null),
                        Optional.ofNullable(rs.getTimestamp(5))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .optional();
        Optional<HouseholdRepository.MemberRow> member = row.flatMap(r -> members.findMember(r.memberId()));
        Nir nir;
        try {
            nir = Nir.of(nirText);
        } catch (IllegalArgumentException e) {
            nir = null;
        }
        boolean matches = member.isPresent()
                && nir != null
                && nir.value().equals(member.get().nir())
                && birthDate != null
                && birthDate.equals(member.get().birthDate());
        if (!matches) {
            throttle.failed(throttleKey, "activation@" + clientAddress);
            refused(
                    member.map(HouseholdRepository.MemberRow::id).orElse(null),
                    "code, NIR ou date de naissance incorrects");
            throw new IllegalArgumentException(WRONG);
        }
        Row r = row.get();
        if (r.used() != null) {
            refused(r.memberId(), "code déjà utilisé");
            throw new IllegalArgumentException(
                    "Ce code a déjà servi : votre compte existe. Connectez-vous avec l'adresse et le mot de passe "
                            + "choisis lors de l'activation.");
        }
        if (r.revoked() != null || r.expires().isBefore(clock.instant())) {
            refused(r.memberId(), r.revoked() != null ? "code remplacé ou annulé" : "code expiré");
            throw new IllegalArgumentException(
                    r.revoked() != null
                            ? "Ce code n'est plus valable (remplacé par un code plus récent, ou annulé) : utilisez le dernier courrier ou courriel "
                                    + "reçu, ou demandez un nouveau code à votre conseiller."
                            : "Ce code a expiré le " + FrenchDates.day(r.expires())
                                    + ". Demandez-en un nouveau à votre conseiller.");
        }
        HouseholdRepository.MemberRow m = member.get();
        if (email != null && !email.isBlank() && accounts.find(email.strip()).isPresent()) {
            throw new IllegalArgumentException(
                    "Cette adresse électronique est déjà celle d'un compte : choisissez-en une autre, ou "
                            + "connectez-vous avec elle.");
        }
        long accountId = accounts.createLocal(email, m.firstName() + " " + m.lastName(), Role.INSURED, password, null);
        households.link(m.householdId(), accountId);
        jdbc.sql("update activation_code set used_at = ?, account_id = ? where id = ?")
                .params(Timestamp.from(clock.instant()), accountId, r.id())
                .update();
        throttle.succeeded(throttleKey);
        auditTrail.record(
                MembersPersonalData.personRef(m.id()),
                "activation_code",
                Long.toString(r.id()),
                AuditAction.UPDATE,
                "Compte assuré n° " + accountId + " créé avec le code d'activation et lié au foyer");
        return accountId;
    }

    private void refused(@Nullable Long memberId, String why) {
        auditTrail.record(
                memberId == null ? null : MembersPersonalData.personRef(memberId),
                "activation_code",
                "tentative",
                AuditAction.UPDATE,
                "Tentative d'activation de compte refusée : " + why);
    }

    /** The codes of a household's members: the latest of each, for the household page. */
    public Map<Long, String> stateByMember(long householdId) {
        Map<Long, String> states = new java.util.HashMap<>();
        Instant now = clock.instant();
        jdbc.sql("""
                        select distinct on (c.member_id) c.member_id, c.channel, c.created_at, c.expires_at, c.used_at, c.revoked_at
                          from activation_code c join member m on m.id = c.member_id where m.household_id = ?
                         order by c.member_id, c.created_at desc""").param(householdId).query(rs -> {
            Instant created = rs.getTimestamp(3).toInstant();
            Instant expires = rs.getTimestamp(4).toInstant();
            String sent = Channel.valueOf(rs.getString(2)).label() + " du " + FrenchDates.day(created);
            String state = rs.getTimestamp(5) != null
                    ? "compte activé (" + sent + ")"
                    : rs.getTimestamp(6) != null
                            ? "code annulé (" + sent + ")"
                            : expires.isBefore(now)
                                    ? "code expiré le " + FrenchDates.day(expires) + " (" + sent + ")"
                                    : "code envoyé, valable jusqu'au " + FrenchDates.day(expires) + " (" + sent + ")";
            states.put(rs.getLong(1), state);
        });
        return states;
    }

    /** An activation code as the administrator sees it (never the code, never a name). */
    public record CodeView(
            long id,
            long memberId,
            long householdId,
            Channel channel,
            String issuedBy,
            Instant createdAt,
            Instant expiresAt,
            Optional<Instant> usedAt,
            Optional<Instant> revokedAt,
            Instant now) {
        public String stateLabel() {
            if (usedAt.isPresent()) {
                return "Compte créé le " + FrenchDates.day(usedAt.get());
            }
            if (revokedAt.isPresent()) {
                return "Annulé le " + FrenchDates.day(revokedAt.get());
            }
            return expiresAt.isBefore(now) ? "Expiré" : "En attente";
        }

        public boolean open() {
            return usedAt.isEmpty() && revokedAt.isEmpty() && !expiresAt.isBefore(now);
        }
    }

    /** Codes, newest first, page by page ({@code openOnly}: not used, not cancelled, not expired). */
    public fr.traitant.app.platform.ListPage<CodeView> page(
            boolean openOnly, fr.traitant.app.platform.ListRequest request) {
        String where = openOnly ? " where c.used_at is null and c.revoked_at is null and c.expires_at > now()" : "";
        long total = jdbc.sql("select count(*) from activation_code c" + where)
                .query(Long.class)
                .single();
        Instant now = clock.instant();
        return request.page(
                jdbc.sql("""
                        select c.id, c.member_id, m.household_id, c.channel, c.issued_by, c.created_at, c.expires_at, c.used_at, c.revoked_at
                          from activation_code c join member m on m.id = c.member_id""" + where + " order by c.id desc limit ? offset ?")
                        .params(
                                fr.traitant.app.platform.ListRequest.SIZE,
                                request.offset(fr.traitant.app.platform.ListRequest.SIZE))
                        .query((rs, i) -> new CodeView(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                Channel.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(7).toInstant(),
                                Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant),
                                Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant),
                                now))
                        .list(),
                total);
    }

    /** Cancels an open code (audited). */
    @Transactional
    public void revoke(long id) {
        Optional<Long> member = jdbc.sql(
                        "update activation_code set revoked_at = ? where id = ? and used_at is null and revoked_at is null"
                                + " returning member_id")
                .params(Timestamp.from(clock.instant()), id)
                .query(Long.class)
                .optional();
        member.ifPresent(m -> auditTrail.record(
                MembersPersonalData.personRef(m),
                "activation_code",
                Long.toString(id),
                AuditAction.UPDATE,
                "Code d'activation annulé"));
    }

    private String actor() {
        return currentUser.find().map(SignedInUser::username).orElse("système");
    }
}
