package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.platform.PdfDocuments;
import fr.traitant.app.territory.Territory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the ALD intake (issue 14, point 6). From the fund's extract, members in ALD without a médecin traitant are
 * first told — by e-mail where they consented to be contacted, else by a letter printed from a PDF — that they will be
 * put in touch with a GP, and how to object. After the objection period ({@code traitant.ald-intake.objection-period},
 * 30 days) those who did not object join the waiting list (source "Données ALD de la caisse"); a daily job does it, and
 * an advisor can run it. An objection, recorded by an advisor with the letter's reference, is honoured at any time: before
 * the deadline nobody is listed; after, the household's entry is withdrawn. One outreach per member, never repeated.
 */
@Service
public class AldIntake {

    private static final Logger log = LoggerFactory.getLogger(AldIntake.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String PURPOSE =
            "Information des assurés en ALD sans médecin traitant (mise en relation, droit d'opposition)";

    /** How an objection reached the fund. */
    public enum ObjectionChannel {
        PHONE("Téléphone"),
        LETTER("Courrier"),
        EMAIL("Courriel"),
        DESK("Accueil");

        private final String label;

        ObjectionChannel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a contact run did. */
    public record Contacted(int letters, int emails, LocalDate deadline) {}

    /** Figures of one département. */
    public record DepartementFigures(
            String departement, String name, long contacted, long objected, long waitingDeadline, long listed) {}

    /** An outreach as the advisor's list shows it (no name: the household page is opened through its own audited page). */
    public record Outreach(
            long id,
            String reference,
            long householdId,
            String departement,
            String channel,
            Instant contactedAt,
            LocalDate deadline,
            Optional<Instant> objectedAt,
            Optional<String> objectionChannel,
            Optional<Instant> listedAt,
            Optional<String> notListedReason) {
        public String stateLabel() {
            if (objectedAt.isPresent()) {
                return "Opposition (" + objectionChannel.orElse("") + ") le " + FrenchDates.day(objectedAt.get());
            }
            if (notListedReason.isPresent()) {
                return "Non inscrit : " + notListedReason.get();
            }
            return listedAt.map(l -> "Inscrit sur la liste d'attente le " + FrenchDates.day(l))
                    .orElse("Délai d'opposition jusqu'au " + FrenchDates.day(deadline));
        }
    }

    private final JdbcClient jdbc;
    private final Households households;
    private final WaitingList waitingList;
    private final Outbox outbox;
    private final PdfDocuments pdf;
    private final Territory territory;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final java.time.Period objectionPeriod;
    private final String fundName;

    AldIntake(
            JdbcClient jdbc,
            Households households,
            WaitingList waitingList,
            Outbox outbox,
            PdfDocuments pdf,
            Territory territory,
            CurrentUser currentUser,
            Clock clock,
            fr.traitant.app.platform.TraitantProperties platformSettings,
            MatchingProperties settings) {
        java.time.Period objectionPeriod = settings.aldIntake().objectionPeriod();
        String fundName = platformSettings.fundName();
        this.jdbc = jdbc;
        this.households = households;
        this.waitingList = waitingList;
        this.outbox = outbox;
        this.pdf = pdf;
        this.territory = territory;
        this.currentUser = currentUser;
        this.clock = clock;
        this.objectionPeriod = objectionPeriod;
        this.fundName = fundName;
    }

    static String reference(long id) {
        return String.format("ALD-%06d", id);
    }

    /** The objection period. */
    public java.time.Period objectionPeriod() {
        return objectionPeriod;
    }

    /** Members in ALD without a médecin traitant in the fund's extract (a count: nobody's data is read). */
    public long inExtract() {
        return households.countLongTermConditionWithoutDoctor();
    }

    /** Outreaches written so far. */
    public long contacted() {
        return jdbc.sql("select count(*) from ald_outreach").query(Long.class).single();
    }

    private List<Households.AldMember> candidates(int limit) {
        List<Long> chosen = new ArrayList<>();
        long after = 0;
        while (chosen.size() < limit) {
            List<Long> page = households.longTermConditionWithoutDoctorIds(after, 1_000);
            if (page.isEmpty()) {
                break;
            }
            after = page.getLast();
            Set<Long> done = Set.copyOf(jdbc.sql("select member_id from ald_outreach where member_id in (:ids)")
                    .param("ids", page)
                    .query(Long.class)
                    .list());
            page.stream()
                    .filter(id -> !done.contains(id))
                    .limit(limit - chosen.size())
                    .forEach(chosen::add);
        }
        return households.longTermConditionWithoutDoctor(chosen, PURPOSE);
    }

    /**
     * Writes to the next {@code limit} members of the extract: e-mails go through the outbox at once, letters wait in
     * {@link #letters(LocalDate)} to be printed. Each one's objection period starts today.
     */
    @Transactional
    public Contacted contact(int limit) {
        if (limit < 1 || limit > 5_000) {
            throw new IllegalArgumentException("Écrivez à 1 à 5 000 assurés à la fois.");
        }
        Instant now = clock.instant();
        LocalDate deadline = LocalDate.ofInstant(now, PARIS).plus(objectionPeriod);
        int letters = 0;
        int emails = 0;
        String by = currentUser.find().map(SignedInUser::username).orElse("système");
        for (Households.AldMember m : candidates(limit)) {
            String channel = m.email().isPresent() ? "EMAIL" : "LETTER";
            long id = jdbc.sql("""
                            insert into ald_outreach (member_id, household_id, departement, channel, contacted_at, contacted_by,
                                                      objection_deadline, synthetic)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            m.memberId(),
                            m.householdId(),
                            m.departement(),
                            channel,
                            Timestamp.from(now),
                            by,
                            deadline,
                            m.synthetic())
                    .query(Long.class)
                    .single();
            if (m.email().isPresent()) {
                outbox.enqueue(
                        m.email().get(),
                        "Nous allons vous aider à trouver un médecin traitant",
                        emailBody(m.name(), reference(id), deadline),
                        "ald:" + id);
                emails++;
            } else {
                letters++;
            }
        }
        log.info("ALD intake: {} letter(s) and {} e-mail(s), objections until {}", letters, emails, deadline);
        return new Contacted(letters, emails, deadline);
    }

    private String emailBody(String name, String reference, LocalDate deadline) {
        return "Bonjour " + name
                + ",\n\nVous êtes suivi(e) pour une affection de longue durée et vous n'avez pas de médecin traitant déclaré. "
                + "Pour vous aider à en trouver un près de chez vous, la caisse va inscrire votre foyer sur la liste des patients à qui "
                + "le service Traitant propose un médecin qui accepte de nouveaux patients ; vous serez libre d'accepter ou non chaque "
                + "proposition.\n\nSi vous ne le souhaitez pas, opposez-vous avant le " + FrenchDates.day(deadline)
                + " en répondant à ce "
                + "message ou en appelant votre conseiller, avec la référence " + reference
                + ". Sans opposition, votre foyer sera inscrit "
                + "après cette date. Vous pourrez aussi vous y opposer plus tard : votre foyer sera alors retiré de la liste.\n\n"
                + fundName + " — service Traitant";
    }

    /** The days on which letters were written, newest first, with how many (for the print downloads). */
    public List<Map.Entry<LocalDate, Long>> letterDays() {
        return jdbc.sql("""
                        select (contacted_at at time zone 'Europe/Paris')::date, count(*) from ald_outreach where channel = 'LETTER'
                         group by 1 order by 1 desc limit 30""")
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    /** One PDF with every letter written on {@code day}, one per page, to print and post; reading the names is audited. */
    @Transactional
    public byte[] letters(LocalDate day) {
        record Row(long id, long memberId, LocalDate deadline, boolean synthetic) {}
        List<Row> rows = jdbc.sql("""
                        select id, member_id, objection_deadline, synthetic from ald_outreach
                         where channel = 'LETTER' and (contacted_at at time zone 'Europe/Paris')::date = ? order by id""")
                .param(day)
                .query((rs, i) ->
                        new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4)))
                .list();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Aucun courrier n'a été préparé le " + FrenchDates.day(day) + ".");
        }
        Map<Long, Households.AldMember> byMember = new java.util.HashMap<>();
        households
                .longTermConditionWithoutDoctor(
                        rows.stream().map(Row::memberId).toList(), "Impression des courriers d'information ALD")
                .forEach(m -> byMember.put(m.memberId(), m));
        List<Map<String, Object>> letters = new ArrayList<>();
        for (Row r : rows) {
            Households.AldMember m = byMember.get(r.memberId());
            if (m == null) {
                continue; // declared a doctor since, or left: no letter
            }
            letters.add(Map.of(
                    "name",
                    m.name(),
                    "place",
                    m.householdLabel() + " — " + territory.communeLabel(m.communeCode()),
                    "date",
                    FrenchDates.day(day),
                    "reference",
                    reference(r.id()),
                    "deadline",
                    FrenchDates.day(r.deadline()),
                    "synthetic",
                    r.synthetic()));
        }
        if (letters.isEmpty()) {
            throw new IllegalArgumentException(
                    "Les assurés de ces courriers ont tous déclaré un médecin traitant depuis.");
        }
        return pdf.render(
                "ald-letters",
                "Courriers d'information ALD du " + FrenchDates.day(day),
                Map.of("letters", letters, "fund", fundName));
    }

    /**
     * Records an objection given with a letter's or e-mail's reference; honoured at once: before the deadline the
     * household will not be listed, after it the household's waiting-list entry is withdrawn.
     *
     * @throws IllegalArgumentException (French message) for an unknown reference or an objection already recorded
     */
    @Transactional
    public Outreach recordObjection(String reference, ObjectionChannel channel) {
        String r = reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
        if (!r.matches("ALD-?[0-9]{1,9}")) {
            throw new IllegalArgumentException(
                    "Une référence a la forme ALD-000123 (elle figure sur le courrier ou le courriel).");
        }
        long id = Long.parseLong(r.replaceAll("[^0-9]", ""));
        Outreach o = find(id).orElseThrow(
                        () -> new IllegalArgumentException("Aucun courrier n'a la référence " + reference(id) + "."));
        if (o.objectedAt().isPresent()) {
            throw new IllegalArgumentException(
                    "L'opposition de la référence " + o.reference() + " est déjà enregistrée.");
        }
        jdbc.sql(
                        "update ald_outreach set objected_at = ?, objection_channel = ?, objection_recorded_by = ? where id = ?")
                .params(
                        Timestamp.from(clock.instant()),
                        channel.name(),
                        currentUser.find().map(SignedInUser::username).orElse("système"),
                        id)
                .update();
        if (o.listedAt().isPresent()) {
            waitingList
                    .openEntry(o.householdId())
                    .filter(e -> e.source() == WaitingList.Source.ALD_DATA)
                    .ifPresent(e -> waitingList.changeStatus(
                            e.id(),
                            WaitingList.Status.WITHDRAWN,
                            "Opposition de l'assuré à la mise en relation (référence " + o.reference() + ")"));
        }
        return find(id).orElseThrow();
    }

    /**
     * Puts on the waiting list the households whose members did not object before the deadline (daily at 6:30, and on
     * demand). A household already on the list keeps its entry.
     *
     * @return households newly listed
     */
    @Scheduled(cron = "${traitant.ald-intake.cron:0 30 6 * * *}")
    @Transactional
    public int listDue() {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        List<long[]> due = jdbc.sql("""
                        select id, household_id from ald_outreach
                         where objected_at is null and listed_at is null and not_listed_reason is null and objection_deadline < ?
                         order by id""")
                .param(today)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        int listed = 0;
        Set<Long> objecting = Set.copyOf(jdbc.sql("select household_id from ald_outreach where objected_at is not null")
                .query(Long.class)
                .list());
        for (long[] d : due) {
            if (objecting.contains(d[1])) {
                continue; // someone of the household objected: the household is not listed
            }
            boolean already = waitingList.openEntry(d[1]).isPresent();
            long entry;
            try {
                entry = waitingList.register(d[1], WaitingList.Source.ALD_DATA, clock.instant());
            } catch (IllegalArgumentException e) {
                jdbc.sql("update ald_outreach set not_listed_reason = ? where id = ?")
                        .param(e.getMessage())
                        .param(d[0])
                        .update();
                continue;
            }
            jdbc.sql("update ald_outreach set listed_at = ?, waiting_entry_id = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), entry, d[0])
                    .update();
            if (!already) {
                listed++;
            }
        }
        if (!due.isEmpty()) {
            log.info("ALD intake: {} household(s) put on the waiting list after the objection period", listed);
        }
        return listed;
    }

    /** Figures per département: contacted, objected, waiting for the deadline, listed. */
    public List<DepartementFigures> figures() {
        Map<String, String> names = new java.util.HashMap<>();
        territory.departements().forEach(d -> names.put(d.code(), d.name()));
        return jdbc.sql("""
                        select departement, count(*), count(objected_at), count(*) filter (where objected_at is null and listed_at is null),
                               count(listed_at) filter (where objected_at is null)
                          from ald_outreach group by departement order by departement""")
                .query((rs, i) -> new DepartementFigures(
                        rs.getString(1),
                        names.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    public Optional<Outreach> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ald_outreach where id = ?")
                .param(id)
                .query(AldIntake::row)
                .optional();
    }

    /** Outreaches, newest first, page by page. */
    public ListPage<Outreach> page(ListRequest request) {
        long total =
                jdbc.sql("select count(*) from ald_outreach").query(Long.class).single();
        return request.page(
                jdbc.sql("select " + COLUMNS + " from ald_outreach order by id desc limit ? offset ?")
                        .params(ListRequest.SIZE, request.offset(ListRequest.SIZE))
                        .query(AldIntake::row)
                        .list(),
                total);
    }

    private static final String COLUMNS =
            "id, household_id, departement, channel, contacted_at, objection_deadline, objected_at,"
                    + " objection_channel, listed_at, not_listed_reason";

    private static Outreach row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Outreach(
                rs.getLong(1),
                reference(rs.getLong(1)),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4).equals("EMAIL") ? "Courriel" : "Courrier",
                rs.getTimestamp(5).toInstant(),
                rs.getObject(6, LocalDate.class),
                Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString(8))
                        .map(c -> ObjectionChannel.valueOf(c).label()),
                Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString(10)));
    }
}
