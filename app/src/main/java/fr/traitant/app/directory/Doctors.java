package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory module's facade. */
@Service
public class Doctors {

    static final String GENERAL_PRACTICE = "GENERAL_PRACTICE";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Doctors(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Every active doctor as supply, ordered by id. */
    public List<SupplyLine> activeSupply() {
        int year = Year.now(clock).getValue();
        return jdbc.sql("""
                select id, commune_code, specialty, consultations_per_year, birth_year
                  from doctor where active order by id""")
                .query((rs, i) -> line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        (Integer) rs.getObject(5), year))
                .list();
    }

    /** Whether any active doctor is synthetic (demo data), so that pages can say so. */
    public boolean anySynthetic() {
        return jdbc.sql("select exists (select 1 from doctor where synthetic and active)").query(Boolean.class).single();
    }

    /** Number of active doctors. */
    public int activeCount() {
        return jdbc.sql("select count(*) from doctor where active").query(Integer.class).single();
    }

    /** The doctor's supply line, if the doctor exists and is active. */
    public Optional<SupplyLine> findSupply(String doctorId) {
        int year = Year.now(clock).getValue();
        return jdbc.sql("select id, commune_code, specialty, consultations_per_year, birth_year from doctor where id = ? and active")
                .param(doctorId)
                .query((rs, i) -> line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        (Integer) rs.getObject(5), year))
                .optional();
    }

    /** Sets a doctor's yearly activity; publishes the change. */
    @Transactional
    public void changeActivity(String doctorId, double consultationsPerYear) {
        if (!(consultationsPerYear >= 0) || Double.isInfinite(consultationsPerYear)) {
            throw new IllegalArgumentException("L'activité annuelle doit être un nombre de consultations positif ou nul.");
        }
        SupplyLine before = findSupply(doctorId).orElseThrow(() -> new NotFoundException("Aucun médecin actif n'a l'identifiant " + doctorId));
        jdbc.sql("update doctor set consultations_per_year = ?, updated_at = ? where id = ?")
                .params(consultationsPerYear, Timestamp.from(clock.instant()), doctorId).update();
        events.publishEvent(new DoctorSupplyChanged(Optional.of(before), findSupply(doctorId)));
    }

    /** A doctor stops practising (retirement, departure); publishes the change. */
    @Transactional
    public void retire(String doctorId) {
        SupplyLine before = findSupply(doctorId).orElseThrow(() -> new NotFoundException("Aucun médecin actif n'a l'identifiant " + doctorId));
        jdbc.sql("update doctor set active = false, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), doctorId).update();
        events.publishEvent(new DoctorSupplyChanged(Optional.of(before), Optional.empty()));
    }

    /** Registers a general practitioner at the centre of a commune; publishes the change. Returns the new id. */
    @Transactional
    public String registerGeneralPractitioner(String id, String communeCode, double consultationsPerYear, int birthYear) {
        if (!(consultationsPerYear >= 0) || Double.isInfinite(consultationsPerYear)) {
            throw new IllegalArgumentException("L'activité annuelle doit être un nombre de consultations positif ou nul.");
        }
        int inserted = jdbc.sql("""
                insert into doctor (id, specialty, commune_code, lat, lon, birth_year, consultations_per_year,
                                    new_patient_status, new_patient_capacity, synthetic, active, updated_at)
                select ?, ?, c.code, c.lat, c.lon, ?, ?, 'NOT_ACCEPTING', 0, false, true, ? from commune c where c.code = ?""")
                .params(id, GENERAL_PRACTICE, birthYear, consultationsPerYear, Timestamp.from(clock.instant()), communeCode)
                .update();
        if (inserted == 0) {
            throw new NotFoundException("Aucune commune n'a le code INSEE " + communeCode);
        }
        events.publishEvent(new DoctorSupplyChanged(Optional.empty(), findSupply(id)));
        return id;
    }

    private static SupplyLine line(String id, String commune, String specialty, double consultations, Integer birthYear, int year) {
        return new SupplyLine(id, commune, GENERAL_PRACTICE.equals(specialty), consultations,
                birthYear == null ? -1 : year - birthYear);
    }
}
