package fr.traitant.app.directory;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade: what the directory says of doctors who leave — those a complete national extraction no longer lists
 * (deactivated, with the date), and the active general practitioners old enough for a retirement to be likely.
 */
@Service
public class DepartureSignals {

    /** A doctor deactivated by a complete re-import. */
    public record Deactivated(String doctorId, String rpps, String name, String communeCode, Instant deactivatedAt) {}

    /** An active general practitioner with their birth year. */
    public record Aged(String doctorId, String rpps, String name, String communeCode, int birthYear) {}

    private final JdbcClient jdbc;

    DepartureSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The doctors with an RPPS deactivated since a date, the most recent first. */
    public List<Deactivated> deactivatedSince(Instant since) {
        return jdbc.sql("""
                        select d.id, d.rpps, trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')),
                               d.commune_code, d.deactivated_at
                          from doctor d where d.deactivated_at >= ? and d.rpps is not null
                         order by d.deactivated_at desc, d.id""")
                .param(java.sql.Timestamp.from(since))
                .query((rs, i) -> new Deactivated(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The active general practitioners with an RPPS born in or before a year, the oldest first. */
    public List<Aged> generalPractitionersBornBy(int year) {
        return jdbc.sql("""
                        select d.id, d.rpps, trim(coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')),
                               d.commune_code, d.birth_year
                          from doctor d where d.active and d.rpps is not null and d.specialty = ?
                           and d.birth_year is not null and d.birth_year <= ?
                         order by d.birth_year, d.id""")
                .params(Doctors.GENERAL_PRACTICE, year)
                .query((rs, i) ->
                        new Aged(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }
}
