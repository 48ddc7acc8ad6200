package fr.traitant.app.cases;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DEMO ONLY (profile {@code demo}), once: the synthetic 2023–2024 history calibrated on the 2024 activity report
 * ({@link SyntheticCaseHistory}), and a few open cases for the demo agents' inboxes (some overdue), one of them
 * filed by the demo insured person. All labelled synthetic.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private final CaseRepository repository;
    private final Accounts accounts;
    private final Households households;
    private final AuditTrail auditTrail;
    private final Clock clock;

    private final fr.traitant.app.identity.Inbox inbox;

    DemoCases(
            CaseRepository repository,
            Accounts accounts,
            Households households,
            AuditTrail auditTrail,
            Clock clock,
            fr.traitant.app.identity.Inbox inbox) {
        this.inbox = inbox;
        this.repository = repository;
        this.accounts = accounts;
        this.households = households;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.anySynthetic()) {
            return;
        }
        List<SyntheticCaseHistory.SyntheticCase> history = SyntheticCaseHistory.generate(SyntheticCaseHistory.SEED);
        for (SyntheticCaseHistory.SyntheticCase c : history) {
            repository.insertSynthetic(
                    c,
                    repository.nextReference(
                            c.kind(), c.receivedAt().atZone(CaseView.PARIS).getYear()));
        }
        Optional<SignedInUser> advisor = accounts.find("conseiller@demo.traitant.fr");
        Optional<SignedInUser> conciliator = accounts.find("conciliateur@demo.traitant.fr");
        Instant now = clock.instant();
        record Open(
                CaseKind kind,
                Channel channel,
                Motive motive,
                Set<CaseSituation> vulnerabilities,
                String name,
                String commune,
                String summary,
                Priority priority,
                int daysAgo,
                CaseStatus status,
                boolean assigned) {}
        List<Open> open = List.of(
                new Open(
                        CaseKind.PASS,
                        Channel.PHONE,
                        Motive.FIND_DOCTOR,
                        Set.of(CaseSituation.RECENT_TRANSFER, CaseSituation.YOUNG_CHILD),
                        "Famille Roux (synthétique)",
                        "29019",
                        "Mutation à Brest cet été, deux enfants, aucun médecin traitant n'accepte de nouveaux patients.",
                        Priority.HIGH,
                        21,
                        CaseStatus.IN_PROGRESS,
                        true),
                new Open(
                        CaseKind.PASS,
                        Channel.ARMY_HEALTH_SERVICE,
                        Motive.COMPLEX_SOCIAL_SITUATION,
                        Set.of(CaseSituation.ISOLATION),
                        "M. Garnier (synthétique)",
                        "57463",
                        "Signalé par l'antenne médicale : conjoint en opération, situation sociale difficile.",
                        Priority.NORMAL,
                        40,
                        CaseStatus.WAITING_THIRD_PARTY,
                        true),
                new Open(
                        CaseKind.PASS,
                        Channel.ONLINE_FORM,
                        Motive.INFORMATION_REQUEST,
                        Set.of(),
                        "Mme Faure (synthétique)",
                        "13055",
                        "Question sur la prise en charge des consultations après une mutation.",
                        Priority.NORMAL,
                        2,
                        CaseStatus.NEW,
                        false),
                new Open(
                        CaseKind.PASS,
                        Channel.SOCIAL_SERVICES,
                        Motive.FINANCIAL_HELP,
                        Set.of(CaseSituation.FINANCIAL_HARDSHIP),
                        "M. Lemoine (synthétique)",
                        "33063",
                        "Demande d'aide financière pour des soins dentaires, transmise par l'assistante sociale.",
                        Priority.HIGH,
                        18,
                        CaseStatus.IN_PROGRESS,
                        true),
                new Open(
                        CaseKind.PASS,
                        Channel.PHONE,
                        Motive.ACCESS_TO_CARE,
                        Set.of(CaseSituation.LONG_TERM_CONDITION),
                        "Mme Chevalier (synthétique)",
                        "83137",
                        "Patiente en ALD sans suivi depuis le départ en retraite de son médecin.",
                        Priority.URGENT,
                        3,
                        CaseStatus.NEW,
                        false),
                new Open(
                        CaseKind.CONCILIATION,
                        Channel.MAIL,
                        Motive.REFUSAL_OF_CARE,
                        Set.of(),
                        "M. Blanc (synthétique)",
                        "69123",
                        "Refus de rendez-vous par un cabinet au motif de la caisse d'affiliation.",
                        Priority.NORMAL,
                        12,
                        CaseStatus.IN_PROGRESS,
                        true),
                new Open(
                        CaseKind.CONCILIATION,
                        Channel.ONLINE_FORM,
                        Motive.FIND_DOCTOR,
                        Set.of(CaseSituation.ELDERLY),
                        "Mme Girard (synthétique)",
                        "35238",
                        "Aucun médecin traitant depuis deux ans malgré les démarches.",
                        Priority.HIGH,
                        35,
                        CaseStatus.IN_PROGRESS,
                        true));
        for (Open o : open) {
            Instant received = now.minus(Duration.ofDays(o.daysAgo()));
            LocalDate day = received.atZone(CaseView.PARIS).toLocalDate();
            NewCase c = new NewCase(
                    o.kind(),
                    o.channel(),
                    o.motive(),
                    o.vulnerabilities(),
                    null,
                    o.name(),
                    null,
                    null,
                    InseeCode.of(o.commune()),
                    o.summary(),
                    o.priority());
            long id = repository.insert(
                    c,
                    repository.nextReference(o.kind(), day.getYear()),
                    null,
                    received,
                    day.plus(o.priority().deadline()),
                    false);
            seedJournal(
                    id,
                    o.kind(),
                    o.channel(),
                    o.motive(),
                    o.status(),
                    o.assigned(),
                    received,
                    o.kind() == CaseKind.PASS ? advisor : conciliator);
        }
        accounts.find("assure@demo.traitant.fr").ifPresent(insured -> {
            Long household = households.householdsOf(insured.accountId()).stream()
                    .findFirst()
                    .orElse(null);
            Instant received = now.minus(Duration.ofDays(6));
            LocalDate day = received.atZone(CaseView.PARIS).toLocalDate();
            NewCase c = new NewCase(
                    CaseKind.PASS,
                    Channel.ONLINE_FORM,
                    Motive.FIND_DOCTOR,
                    Set.of(CaseSituation.RECENT_TRANSFER),
                    household,
                    insured.displayName(),
                    null,
                    null,
                    InseeCode.of("83137"),
                    "Nous venons d'être mutés à Toulon et cherchons un médecin traitant pour toute la famille.",
                    Priority.HIGH);
            long id = repository.insert(
                    c,
                    repository.nextReference(CaseKind.PASS, day.getYear()),
                    insured.accountId(),
                    received,
                    day.plus(Priority.HIGH.deadline()),
                    false);
            if (household != null) {
                households.personRefs(household).forEach(p -> {
                    repository.addPerson(id, p);
                    auditTrail.record(
                            p,
                            "case",
                            Long.toString(id),
                            AuditAction.CREATE,
                            "Données de démonstration (synthétiques)");
                });
            }
            inbox.notify(insured.accountId(), "Votre demande a bien été reçue.", "/mes-demandes/" + id, received);
            seedJournal(
                    id,
                    CaseKind.PASS,
                    Channel.ONLINE_FORM,
                    Motive.FIND_DOCTOR,
                    CaseStatus.IN_PROGRESS,
                    true,
                    received,
                    advisor);
            inbox.notify(
                    insured.accountId(),
                    "Votre demande : en cours de traitement.",
                    "/mes-demandes/" + id,
                    received.plus(Duration.ofDays(1)));
        });
        log.warn(
                "DEMO ONLY — {} synthetic closed cases (2023–2024, calibrated on the 2024 activity report) and {} open demo cases created",
                history.size(),
                open.size() + 1);
    }

    private void seedJournal(
            long id,
            CaseKind kind,
            Channel channel,
            Motive motive,
            CaseStatus status,
            boolean assigned,
            Instant received,
            Optional<SignedInUser> agent) {
        repository.journal(
                id,
                "system",
                null,
                JournalKind.RECEIVED,
                "Demande reçue (" + channel.label() + ") : " + motive.label(),
                received);
        if (assigned && agent.isPresent()) {
            SignedInUser a = agent.get();
            repository.assign(id, a.accountId(), a.displayName());
            repository.journal(
                    id,
                    a.username(),
                    a.accountId(),
                    JournalKind.ASSIGNMENT,
                    "Attribué à " + a.displayName(),
                    received.plus(Duration.ofHours(20)));
        }
        if (status != CaseStatus.NEW) {
            repository.moveTo(id, CaseStatus.IN_PROGRESS, null, null, null, null);
            repository.journal(
                    id,
                    agent.map(SignedInUser::username).orElse("system"),
                    agent.map(SignedInUser::accountId).orElse(null),
                    JournalKind.STATUS,
                    "Demande en cours de traitement",
                    received.plus(Duration.ofDays(1)));
            repository.journal(
                    id,
                    agent.map(SignedInUser::username).orElse("system"),
                    agent.map(SignedInUser::accountId).orElse(null),
                    JournalKind.CALL,
                    "Premier appel : situation et besoins précisés (synthétique).",
                    received.plus(Duration.ofDays(1)));
        }
        if (status == CaseStatus.WAITING_THIRD_PARTY) {
            repository.moveTo(
                    id, CaseStatus.WAITING_THIRD_PARTY, "Service social de la base de défense", null, null, null);
            repository.journal(
                    id,
                    agent.map(SignedInUser::username).orElse("system"),
                    agent.map(SignedInUser::accountId).orElse(null),
                    JournalKind.STATUS,
                    "En attente : Service social de la base de défense",
                    received.plus(Duration.ofDays(3)));
        }
    }
}
