package fr.traitant.app.campaigns;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.campaign.LogisticModel;
import fr.traitant.engine.directory.FeeSector;
import fr.traitant.engine.directory.NewPatients;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The probability that a doctor written to signs the charter. With enough history — the fund's past campaigns'
 * answers ({@code campaign_past_answer}) and the answers to Traitant's campaigns sent more than 8 weeks ago (those
 * written to; signed = a signatory now) — a logistic regression ({@link LogisticModel}) on what the directory and the
 * fund know of the doctor: fee sector 2 or OPTAM, under 45, 60 or over, accepting new patients, already médecin
 * traitant of members of the fund. Without it (fewer than 500 answers or 25 signatures), the documented prior
 * {@link CampaignsProperties#priorProbability()}. The fit is kept until the number of answers changes.
 */
@Service
public class SigningModel {

    /** The features, in the model's order, with their French names. */
    public static final List<String> FEATURES = List.of(
            "secteur 2 ou OPTAM",
            "moins de 45 ans",
            "60 ans ou plus",
            "accepte de nouveaux patients",
            "déjà médecin traitant d’assurés de la caisse");

    static final int MIN_ANSWERS = 500;
    static final int MIN_SIGNATURES = 25;

    /** The model in use, or the prior. */
    public record Estimate(@Nullable LogisticModel model, double prior) {
        public boolean fitted() {
            return model != null;
        }
    }

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final HouseholdNeeds needs;
    private final Territory territory;
    private final CampaignsProperties settings;
    private final Clock clock;
    private volatile @Nullable Cached cached;

    private record Cached(long answers, Estimate estimate) {}

    SigningModel(
            JdbcClient jdbc,
            Doctors doctors,
            HouseholdNeeds needs,
            Territory territory,
            CampaignsProperties settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.needs = needs;
        this.territory = territory;
        this.settings = settings;
        this.clock = clock;
    }

    /** The model fitted on the answers known today, or the prior. */
    public Estimate estimate() {
        List<Answer> answers = answers();
        Cached c = cached;
        if (c != null && c.answers() == answers.size()) return c.estimate();
        Estimate e = fit(answers);
        cached = new Cached(answers.size(), e);
        return e;
    }

    /** A doctor's probability of signing under an estimate. */
    public double probability(Estimate estimate, DoctorProfile doctor, Set<String> treatingMembers) {
        LogisticModel m = estimate.model();
        return m == null ? estimate.prior() : m.probability(features(doctor, treatingMembers));
    }

    /** The RPPS numbers of doctors already médecin traitant of members of the fund. */
    public Set<String> treatingMembers() {
        return needs.declaredDoctors();
    }

    double[] features(DoctorProfile d, Set<String> treatingMembers) {
        int year = Year.now(clock).getValue();
        Integer age = d.birthYear().map(b -> year - b).orElse(null);
        return new double[] {
            d.feeSector()
                            .map(s -> s == FeeSector.SECTOR_2 || s == FeeSector.OPTAM)
                            .orElse(false)
                    ? 1
                    : 0,
            age != null && age < 45 ? 1 : 0,
            age != null && age >= 60 ? 1 : 0,
            d.newPatients() == NewPatients.ACCEPTING ? 1 : 0,
            d.rpps().map(treatingMembers::contains).orElse(false) ? 1 : 0
        };
    }

    private record Answer(String rpps, boolean signed) {}

    private List<Answer> answers() {
        List<Answer> answers = new ArrayList<>(jdbc.sql("select rpps, signed from campaign_past_answer order by id")
                .query((rs, i) -> new Answer(rs.getString(1), rs.getBoolean(2)))
                .list());
        answers.addAll(jdbc.sql("""
                        select t.rpps, t.signed_at is not null from campaign_target t join campaign c on c.id = t.campaign_id
                         where c.status = 'SENT' and c.sent_at < :settled and t.sent_by is not null
                         order by c.id, t.rank""")
                .param("settled", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(56))))
                .query((rs, i) -> new Answer(rs.getString(1), rs.getBoolean(2)))
                .list());
        return answers;
    }

    private Estimate fit(List<Answer> answers) {
        long signatures = answers.stream().filter(Answer::signed).count();
        if (answers.size() < MIN_ANSWERS || signatures < MIN_SIGNATURES) {
            return new Estimate(null, settings.priorProbability());
        }
        Map<String, DoctorProfile> byRpps = new HashMap<>();
        for (var dep : territory.departements()) {
            for (DoctorProfile d : doctors.activeWithRppsInDepartement(dep.code())) {
                d.rpps().ifPresent(r -> byRpps.put(r, d));
            }
        }
        Set<String> treating = treatingMembers();
        List<double[]> rows = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (Answer a : answers) {
            DoctorProfile d = byRpps.get(a.rpps());
            if (d == null) continue; // left the directory since: nothing to learn from
            rows.add(features(d, treating));
            outcomes.add(a.signed());
        }
        boolean[] signed = new boolean[outcomes.size()];
        for (int i = 0; i < signed.length; i++) signed[i] = outcomes.get(i);
        if (rows.size() < MIN_ANSWERS) return new Estimate(null, settings.priorProbability());
        return new Estimate(
                LogisticModel.fit(FEATURES, rows.toArray(double[][]::new), signed, 1e-4), settings.priorProbability());
    }

    /** The model's figures for the page: each feature's odds ratio. */
    public static Optional<List<Map.Entry<String, Double>>> oddsRatios(Estimate e) {
        LogisticModel m = e.model();
        if (m == null) return Optional.empty();
        List<Map.Entry<String, Double>> list = new ArrayList<>();
        for (int i = 0; i < FEATURES.size(); i++) list.add(Map.entry(FEATURES.get(i), m.oddsRatio(i)));
        return Optional.of(list);
    }
}
