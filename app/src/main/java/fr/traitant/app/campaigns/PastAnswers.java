package fr.traitant.app.campaigns;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.traitant.engine.directory.Rpps;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the answers to the fund's past campaigns, imported from a CSV ({@code rpps;campagne;date_envoi;signe}), whole
 * file or nothing, each bad line reported "ligne N : raison"; an answer already known (same RPPS and campaign) is
 * updated. The signing model learns from them ({@link SigningModel}).
 */
@Service
public class PastAnswers {

    public static final List<String> COLUMNS = List.of("rpps", "campagne", "date_envoi", "signe");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 31/02 is refused, not read as 28/02

    /** A refused file: every bad line with its reason. */
    public static class Refused extends IllegalArgumentException {
        private final List<String> errors;

        Refused(List<String> errors) {
            super(String.join("\n", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

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
        List<String> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .fieldSeparator(';')
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofNamedCsvRecord(csv)) {
            boolean headerChecked = false;
            for (NamedCsvRecord r : reader) {
                if (!headerChecked) {
                    List<String> missing = COLUMNS.stream()
                            .filter(c -> !r.getHeader().contains(c))
                            .toList();
                    if (!missing.isEmpty()) {
                        throw new Refused(List.of("ligne 1 : colonnes manquantes " + missing + " (attendu : "
                                + String.join(";", COLUMNS) + ")"));
                    }
                    headerChecked = true;
                }
                long n = r.getStartingLineNumber();
                String rpps = r.getField("rpps").strip();
                String campaign = r.getField("campagne").strip();
                String date = r.getField("date_envoi").strip();
                String signed = r.getField("signe").strip().toLowerCase(Locale.ROOT);
                try {
                    Rpps.of(rpps);
                } catch (IllegalArgumentException e) {
                    errors.add("ligne " + n + " : numéro RPPS invalide « " + rpps + " » (11 chiffres)");
                    continue;
                }
                if (campaign.isEmpty() || campaign.length() > 200) {
                    errors.add("ligne " + n + " : nom de campagne vide ou de plus de 200 caractères");
                    continue;
                }
                LocalDate sentOn;
                try {
                    sentOn = date.contains("/") ? LocalDate.parse(date, FRENCH) : LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    errors.add("ligne " + n + " : date d’envoi invalide « " + date + " » (AAAA-MM-JJ ou JJ/MM/AAAA)");
                    continue;
                }
                if (!signed.equals("oui") && !signed.equals("non")) {
                    errors.add("ligne " + n + " : « signe » vaut oui ou non, pas « " + signed + " »");
                    continue;
                }
                if (!seen.add(Rpps.of(rpps).value() + "\u0000" + campaign)) {
                    errors.add("ligne " + n + " : ce médecin figure déjà dans le fichier pour cette campagne");
                    continue;
                }
                lines.add(new Line(Rpps.of(rpps).value(), campaign, sentOn, signed.equals("oui")));
            }
        } catch (CsvParseException e) {
            throw new Refused(List.of("fichier illisible : " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() && errors.isEmpty()) errors.add("le fichier ne contient aucune réponse");
        if (!errors.isEmpty()) throw new Refused(errors);
        return lines;
    }
}
