package fr.traitant.app.campaigns;

import fr.traitant.app.platform.SemicolonCsv;
import fr.traitant.engine.directory.Rpps;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the answers to the fund's past campaigns, imported from a CSV ({@code rpps;campagne;date_envoi;signe}), whole
 * file or nothing ({@link SemicolonCsv}: each bad line reported "ligne N : raison"); an answer already known (same RPPS and campaign) is
 * updated. The signing model learns from them ({@link SigningModel}).
 */
@Service
public class PastAnswers {

    public static final List<String> COLUMNS = List.of("rpps", "campagne", "date_envoi", "signe");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 31/02 is refused, not read as 28/02

    /** What the import did. */
    public record Result(int lines, int signatures) {}

    /** The answers known, by campaign. */
    public record Summary(String campaign, LocalDate sentOn, int answers, int signatures, boolean synthetic) {}

    private record Line(String rpps, String campaign, LocalDate sentOn, boolean signed) {}

    private final JdbcClient jdbc;

    PastAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Result importFile(Reader csv) {
        List<Line> lines = read(csv);
        for (Line l : lines) {
            jdbc.sql("""
                            insert into campaign_past_answer (rpps, campaign, sent_on, signed) values (:r, :c, :d, :s)
                            on conflict (rpps, campaign) do update set sent_on = excluded.sent_on, signed = excluded.signed""")
                    .param("r", l.rpps())
                    .param("c", l.campaign())
                    .param("d", l.sentOn())
                    .param("s", l.signed())
                    .update();
        }
        return new Result(
                lines.size(), (int) lines.stream().filter(Line::signed).count());
    }

    public List<Summary> summaries() {
        return jdbc.sql("""
                        select campaign, min(sent_on), count(*), count(*) filter (where signed), bool_or(synthetic)
                          from campaign_past_answer group by campaign order by min(sent_on) desc, campaign""")
                .query((rs, i) -> new Summary(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getBoolean(5)))
                .list();
    }

    private static List<Line> read(Reader csv) {
        Set<String> seen = new HashSet<>();
        return SemicolonCsv.read(csv, COLUMNS, "le fichier ne contient aucune réponse", line -> {
            String rpps = line.get("rpps"), campaign = line.get("campagne"), date = line.get("date_envoi");
            String signed = line.get("signe").toLowerCase(Locale.ROOT);
            try {
                rpps = Rpps.of(rpps).value();
            } catch (IllegalArgumentException e) {
                throw new SemicolonCsv.LineError("numéro RPPS invalide « " + rpps + " » (11 chiffres)");
            }
            if (campaign.isEmpty() || campaign.length() > 200) {
                throw new SemicolonCsv.LineError("nom de campagne vide ou de plus de 200 caractères");
            }
            LocalDate sentOn;
            try {
                sentOn = date.contains("/") ? LocalDate.parse(date, FRENCH) : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new SemicolonCsv.LineError("date d’envoi invalide « " + date + " » (AAAA-MM-JJ ou JJ/MM/AAAA)");
            }
            if (!signed.equals("oui") && !signed.equals("non")) {
                throw new SemicolonCsv.LineError("« signe » vaut oui ou non, pas « " + signed + " »");
            }
            if (!seen.add(rpps + "\u0000" + campaign)) {
                throw new SemicolonCsv.LineError("ce médecin figure déjà dans le fichier pour cette campagne");
            }
            return new Line(rpps, campaign, sentOn, signed.equals("oui"));
        });
    }
}
