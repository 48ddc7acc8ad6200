package fr.traitant.app.campaigns;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.Membership;
import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.app.territory.Territory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data: the answers to a <strong>synthetic</strong> "2024 campaign" like the fund's (about 2,000 signatures for
 * 37,000 letters, 5.4 %), so that the signing model has a history to learn from. The signers are the synthetic demo
 * network's signatories; the letters that went unanswered are drawn (seeded) among the other synthetic general
 * practitioners. Only when the demo network is generated and no synthetic answer exists; labelled synthetic.
 */
@Component
class DemoCampaignHistory {

    static final String CAMPAIGN = "Campagne de la caisse 2024 (synthétique)";
    private static final Logger log = LoggerFactory.getLogger(DemoCampaignHistory.class);

    private final JdbcClient jdbc;
    private final Charter charter;
    private final Doctors doctors;
    private final Territory territory;
    private final TraitantProperties properties;

    DemoCampaignHistory(
            JdbcClient jdbc, Charter charter, Doctors doctors, Territory territory, TraitantProperties properties) {
        this.jdbc = jdbc;
        this.charter = charter;
        this.doctors = doctors;
        this.territory = territory;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5) // after the demo network (order 0)
    void load() {
        if (properties.demo().networkMembers() <= 0 || !charter.anySynthetic() || exists()) return;
        List<String> signers = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<Membership> page = charter.members(Optional.empty(), 500, offset);
            for (Membership m : page) if (m.synthetic()) signers.add(m.rpps());
            if (page.size() < 500) break;
        }
        Set<String> members = new HashSet<>(signers);
        List<String> others = new ArrayList<>();
        for (var dep : territory.departements()) {
            for (DoctorProfile d : doctors.activeWithRppsInDepartement(dep.code())) {
                if (d.synthetic()
                        && d.specialty().isGeneralPractice()
                        && d.rpps().isPresent()) {
                    String rpps = d.rpps().get();
                    if (!members.contains(rpps)) others.add(rpps);
                }
            }
        }
        // 5.4 % signed: 37,000 letters for 2,000 signatures
        int unanswered = Math.min(others.size(), (int) Math.round(signers.size() * (37_000.0 / 2_000 - 1)));
        SplittableRandom random = new SplittableRandom(properties.demo().seed() ^ 0x2024_CA3DL);
        for (int i = 0; i < unanswered; i++) {
            int j = i + random.nextInt(others.size() - i);
            String t = others.get(i);
            others.set(i, others.get(j));
            others.set(j, t);
        }
        List<String> rpps = new ArrayList<>(signers);
        rpps.addAll(others.subList(0, unanswered));
        Boolean[] signed = new Boolean[rpps.size()];
        for (int i = 0; i < signed.length; i++) signed[i] = i < signers.size();
        jdbc.sql("""
                        insert into campaign_past_answer (rpps, campaign, sent_on, signed, synthetic)
                        select r, :c, :d, s, true from unnest(:rpps, :signed) as u(r, s)""")
                .param("c", CAMPAIGN)
                .param("d", LocalDate.of(2024, 3, 1))
                .param("rpps", rpps.toArray(String[]::new))
                .param("signed", signed)
                .update();
        log.warn(
                "DEMO ONLY — {} synthetic answers to a synthetic 2024 campaign ({} signatures) for the signing model",
                rpps.size(),
                signers.size());
    }

    private boolean exists() {
        return jdbc.sql("select exists (select 1 from campaign_past_answer where synthetic)")
                .query((rs, i) -> rs.getBoolean(1))
                .single();
    }
}
