package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.directory.FeeSector;
import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.directory.Rpps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.util.Arrays;
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
    private final DirectoryIndex index;

    private final fr.traitant.app.territory.Territory territory;

    Doctors(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            DirectoryIndex index,
            fr.traitant.app.territory.Territory territory) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.index = index;
        this.territory = territory;
    }

    static final String PROFILE_COLUMNS = """
            d.id, d.rpps, coalesce(d.last_name, ''), coalesce(d.first_name, ''), d.specialty, d.specialty_code,
            d.fee_sector, d.teleconsultation, d.wheelchair_access, d.languages, coalesce(d.mssante, ''),
            coalesce(d.phone, ''), d.birth_year, d.new_patient_status, d.new_patient_capacity, d.max_complexity,
            d.network_member, d.synthetic, d.active, d.availability_updated_at, d.commune_code, d.lat, d.lon,
            d.complexity_declared""";

    /** The doctor with this directory id, active or not. */
    public Optional<DoctorProfile> findProfile(String doctorId) {
        return jdbc.sql("select " + PROFILE_COLUMNS + " from doctor d where d.id = ?")
                .param(doctorId)
                .query(Doctors::profileRow)
                .optional()
                .map(this::withLocations);
    }

    /** The doctor with this directory id; {@link NotFoundException} if none. */
    public DoctorProfile getProfile(String doctorId) {
        return findProfile(doctorId)
                .orElseThrow(() -> new NotFoundException("Aucun médecin n'a l'identifiant " + doctorId));
    }

    /** The doctor with this RPPS number; {@link IllegalArgumentException} if the number is invalid. */
    public Optional<DoctorProfile> findByRpps(String rpps) {
        Rpps.of(rpps);
        return jdbc.sql("select " + PROFILE_COLUMNS + " from doctor d where d.rpps = ?")
                .param(rpps)
                .query(Doctors::profileRow)
                .optional()
                .map(this::withLocations);
    }

    /**
     * The active doctors with an RPPS number whose main practice is in this département, accepting new patients or
     * not, with their main location only (one query; the matching mirrors their availability, ADR 0051).
     */
    public List<DoctorProfile> activeWithRppsInDepartement(String departement) {
        // the département's communes come from the territory module (this module does not read its tables)
        String[] communes = territory.engineCommunes().asList().stream()
                .filter(c -> c.departement().equals(departement))
                .map(fr.traitant.engine.territory.Commune::code)
                .toArray(String[]::new);
        return jdbc.sql("select " + PROFILE_COLUMNS + " from doctor d"
                        + " where d.commune_code = any (?) and d.active and d.rpps is not null order by d.id")
                .param(communes)
                .query(Doctors::profileRow)
                .list();
    }

    /**
     * A doctor states whether and how many new patients they take, and up to which complexity.
     * Capacity must be 0 unless accepting; complexity 1 to 3. Refreshes the search index.
     */
    @Transactional
    public DoctorProfile updateAvailability(String rpps, NewPatients status, int capacity, int maxComplexity) {
        return updateAvailability(rpps, status, capacity, maxComplexity, true);
    }

    /**
     * As {@link #updateAvailability(String, NewPatients, int, int)}; {@code declaresComplexity} false when the doctor did
     * not choose the complexity (a capacity stated elsewhere): a complexity never chosen restricts nothing.
     */
    @Transactional
    public DoctorProfile updateAvailability(
            String rpps, NewPatients status, int capacity, int maxComplexity, boolean declaresComplexity) {
        if (status == null) {
            throw new IllegalArgumentException("Indiquez si vous acceptez de nouveaux patients.");
        }
        if (capacity < 0 || capacity > 2_000) {
            throw new IllegalArgumentException("Le nombre de nouveaux patients doit être compris entre 0 et 2000.");
        }
        if (status != NewPatients.ACCEPTING && capacity != 0) {
            throw new IllegalArgumentException("Un nombre de nouveaux patients ne s'indique que si vous en acceptez.");
        }
        if (maxComplexity < 1 || maxComplexity > 3) {
            throw new IllegalArgumentException("La complexité maximale va de 1 (simple) à 3 (complexe).");
        }
        DoctorProfile doctor = findByRpps(rpps)
                .filter(DoctorProfile::active)
                .orElseThrow(() -> new NotFoundException("Aucun médecin actif n'a le numéro RPPS " + rpps));
        jdbc.sql("""
                update doctor set new_patient_status = ?, new_patient_capacity = ?, max_complexity = ?,
                       complexity_declared = complexity_declared or ?, availability_updated_at = ?, updated_at = ? where id = ?""")
                .params(
                        status.name(),
                        capacity,
                        maxComplexity,
                        declaresComplexity,
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()),
                        doctor.id())
                .update();
        events.publishEvent(new DoctorAvailabilityChanged(rpps, status, capacity));
        index.refreshAfterCommit();
        return getProfile(doctor.id());
    }

    /** Records whether a doctor belongs to the "médecins solidaires" network (called by the network module). */
    @Transactional
    public void setNetworkMember(String doctorId, boolean member) {
        int updated = jdbc.sql("update doctor set network_member = ?, updated_at = ? where id = ?")
                .params(member, Timestamp.from(clock.instant()), doctorId)
                .update();
        if (updated == 0) {
            throw new NotFoundException("Aucun médecin n'a l'identifiant " + doctorId);
        }
        index.refreshAfterCommit();
    }

    /** Marks many doctors as network members at once (demo data); returns how many rows changed. */
    @Transactional
    public int setNetworkMembers(java.util.Collection<String> doctorIds) {
        int n = 0;
        for (String id : doctorIds) {
            n += jdbc.sql("update doctor set network_member = true where id = ? and not network_member")
                    .param(id)
                    .update();
        }
        index.refreshAfterCommit();
        return n;
    }

    private DoctorProfile withLocations(DoctorProfile p) {
        List<PracticeLocation> locations = jdbc.sql("""
                select ordinal, name, address, postal_code, commune_code, lat, lon from practice_location
                 where doctor_id = ? order by ordinal""")
                .param(p.id())
                .query((rs, i) -> new PracticeLocation(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDouble(6),
                        rs.getDouble(7)))
                .list();
        if (locations.isEmpty()) {
            return p;
        }
        return new DoctorProfile(
                p.id(),
                p.rpps(),
                p.lastName(),
                p.firstName(),
                p.specialty(),
                locations,
                p.feeSector(),
                p.teleconsultation(),
                p.wheelchairAccess(),
                p.languages(),
                p.mssante(),
                p.phone(),
                p.birthYear(),
                p.newPatients(),
                p.capacity(),
                p.maxComplexity(),
                p.networkMember(),
                p.synthetic(),
                p.active(),
                p.availabilityUpdatedAt(),
                p.complexityDeclared());
    }

    static DoctorProfile profileRow(ResultSet rs, int i) throws SQLException {
        String specialtyCode = rs.getString(6);
        MedicalSpecialty specialty = specialtyCode != null
                ? MedicalSpecialty.of(specialtyCode)
                : MedicalSpecialty.representative(fr.traitant.engine.supply.Specialty.valueOf(rs.getString(5)));
        String sector = rs.getString(7);
        Array languages = rs.getArray(10);
        Integer birthYear = (Integer) rs.getObject(13);
        Timestamp availability = rs.getTimestamp(20);
        return new DoctorProfile(
                rs.getString(1),
                Optional.ofNullable(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                specialty,
                List.of(new PracticeLocation(0, "", "", "", rs.getString(21), rs.getDouble(22), rs.getDouble(23))),
                Optional.ofNullable(sector).map(FeeSector::valueOf),
                rs.getBoolean(8),
                rs.getBoolean(9),
                languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()),
                rs.getString(11),
                rs.getString(12),
                Optional.ofNullable(birthYear),
                NewPatients.valueOf(rs.getString(14)),
                rs.getInt(15),
                rs.getInt(16),
                rs.getBoolean(17),
                rs.getBoolean(18),
                rs.getBoolean(19),
                Optional.ofNullable(availability).map(Timestamp::toInstant),
                rs.getBoolean(24));
    }

    /** Every active doctor as supply, ordered by id. */
    public List<SupplyLine> activeSupply() {
        return supplyLines(jdbc, clock, """
                select id, commune_code, specialty, consultations_per_year, birth_year
                  from doctor where active order by id""");
    }

    /** Whether any active doctor is synthetic (demo data), so that pages can say so. */
    public boolean anySynthetic() {
        return jdbc.sql("select exists (select 1 from doctor where synthetic and active)")
                .query(Boolean.class)
                .single();
    }

    /** Active general practitioners accepting new patients, by the commune of their practice. */
    public java.util.Map<String, Integer> acceptingGeneralPractitionersByCommune() {
        java.util.Map<String, Integer> byCommune = new java.util.HashMap<>();
        jdbc.sql("""
                        select commune_code, count(*) from doctor
                         where active and specialty = 'GENERAL_PRACTICE' and new_patient_status = 'ACCEPTING'
                           and commune_code is not null group by commune_code""")
                .query((rs, i) -> byCommune.put(rs.getString(1), rs.getInt(2)))
                .list();
        return byCommune;
    }

    /** Number of active doctors. */
    public int activeCount() {
        return jdbc.sql("select count(*) from doctor where active")
                .query(Integer.class)
                .single();
    }

    /** The doctor's supply line, if the doctor exists and is active. */
    public Optional<SupplyLine> findSupply(String doctorId) {
        return jdbc.sql(
                        "select id, commune_code, specialty, consultations_per_year, birth_year from doctor where id = ? and active")
                .param(doctorId)
                .query(supplyMapper(Year.now(clock).getValue()))
                .optional();
    }

    /** Sets a doctor's yearly activity; publishes the change. */
    @Transactional
    public void changeActivity(String doctorId, double consultationsPerYear) {
        if (!(consultationsPerYear >= 0) || Double.isInfinite(consultationsPerYear)) {
            throw new IllegalArgumentException(
                    "L'activité annuelle doit être un nombre de consultations positif ou nul.");
        }
        SupplyLine before = findSupply(doctorId)
                .orElseThrow(() -> new NotFoundException("Aucun médecin actif n'a l'identifiant " + doctorId));
        jdbc.sql("update doctor set consultations_per_year = ?, updated_at = ? where id = ?")
                .params(consultationsPerYear, Timestamp.from(clock.instant()), doctorId)
                .update();
        events.publishEvent(new DoctorSupplyChanged(Optional.of(before), findSupply(doctorId)));
    }

    /** A doctor stops practising (retirement, departure); publishes the change. */
    @Transactional
    public void retire(String doctorId) {
        SupplyLine before = findSupply(doctorId)
                .orElseThrow(() -> new NotFoundException("Aucun médecin actif n'a l'identifiant " + doctorId));
        jdbc.sql("update doctor set active = false, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), doctorId)
                .update();
        events.publishEvent(new DoctorSupplyChanged(Optional.of(before), Optional.empty()));
        index.refreshAfterCommit();
    }

    /** Registers a general practitioner at the centre of a commune; publishes the change. Returns the new id. */
    @Transactional
    public String registerGeneralPractitioner(
            String id, String communeCode, double consultationsPerYear, int birthYear) {
        if (!(consultationsPerYear >= 0) || Double.isInfinite(consultationsPerYear)) {
            throw new IllegalArgumentException(
                    "L'activité annuelle doit être un nombre de consultations positif ou nul.");
        }
        fr.traitant.engine.territory.Communes communes = territory.engineCommunes();
        java.util.OptionalInt at = communes.findIndex(communeCode);
        if (at.isEmpty()) {
            throw new NotFoundException("Aucune commune n'a le code INSEE " + communeCode);
        }
        fr.traitant.engine.geo.GeoPoint centre = communes.get(at.getAsInt()).position();
        jdbc.sql("""
                insert into doctor (id, specialty, commune_code, lat, lon, birth_year, consultations_per_year,
                                    new_patient_status, new_patient_capacity, synthetic, active, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'NOT_ACCEPTING', 0, false, true, ?)""")
                .params(
                        id,
                        GENERAL_PRACTICE,
                        communeCode,
                        centre.lat(),
                        centre.lon(),
                        birthYear,
                        consultationsPerYear,
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new DoctorSupplyChanged(Optional.empty(), findSupply(id)));
        index.refreshAfterCommit();
        return id;
    }

    /** Supply lines of a query selecting id, commune_code, specialty, consultations_per_year, birth_year. */
    static List<SupplyLine> supplyLines(JdbcClient jdbc, Clock clock, String sql) {
        return jdbc.sql(sql).query(supplyMapper(Year.now(clock).getValue())).list();
    }

    /** A supply line from a row of id, commune_code, specialty, consultations_per_year, birth_year. */
    private static org.springframework.jdbc.core.RowMapper<SupplyLine> supplyMapper(int year) {
        return (rs, i) -> line(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), (Integer) rs.getObject(5), year);
    }

    private static SupplyLine line(
            String id, String commune, String specialty, double consultations, Integer birthYear, int year) {
        return new SupplyLine(
                id,
                commune,
                GENERAL_PRACTICE.equals(specialty),
                consultations,
                birthYear == null ? -1 : year - birthYear);
    }
}
