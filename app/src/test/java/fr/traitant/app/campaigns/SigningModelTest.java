package fr.traitant.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.engine.campaign.LogisticModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #17, point 2: the probability of signing, fitted on past answers (here the synthetic 2024 campaign). */
@IntegrationTest
class SigningModelTest {

    @Autowired
    SigningModel signing;

    @Autowired
    Doctors doctors;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_model_is_fitted_on_the_past_answers_and_predicts_their_overall_rate() {
        List<Object[]> answers = jdbc.sql("select rpps, signed from campaign_past_answer where synthetic")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBoolean(2)})
                .list();
        assertThat(answers).hasSizeGreaterThanOrEqualTo(SigningModel.MIN_ANSWERS);
        long signatures = answers.stream().filter(a -> (Boolean) a[1]).count();
        // the synthetic campaign has the fund's 2024 rate: about 2,000 signatures for 37,000 letters
        assertThat((double) signatures / answers.size()).isCloseTo(2_000.0 / 37_000, within(0.002));

        SigningModel.Estimate e = signing.estimate();
        assertThat(e.fitted()).isTrue();
        LogisticModel m = e.model();
        assertThat(m.features()).isEqualTo(SigningModel.FEATURES);
        assertThat(m.positives()).isEqualTo((int) signatures); // every answer's doctor is in the directory
        assertThat(m.observations()).isEqualTo(answers.size());
        assertThat(signing.estimate()).isSameAs(e); // kept while the answers do not change

        // a logistic model with an intercept predicts, on average over its data, the observed rate
        Set<String> treating = signing.treatingMembers();
        double sum = 0;
        int n = 0;
        for (Object[] a : answers) {
            DoctorProfile d = doctors.findByRpps((String) a[0]).orElseThrow();
            sum += signing.probability(e, d, treating);
            n++;
        }
        assertThat(sum / n).isCloseTo((double) signatures / answers.size(), within(1e-3));
    }
}
