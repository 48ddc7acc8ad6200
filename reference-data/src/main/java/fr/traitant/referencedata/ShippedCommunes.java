package fr.traitant.referencedata;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The communes of France shipped in this jar ({@value #RESOURCE}, sources and columns in reference-data/README.md),
 * read into the engine's {@link Communes}: the one reader of the shipped file for the CLI, the benchmarks and the
 * tests. The file is trusted (checked when it is built and when the application imports it); an empty area means
 * unknown ({@code NaN}).
 */
public final class ShippedCommunes {

    /** Classpath location of the file. */
    public static final String RESOURCE = "/fr/traitant/referencedata/communes.csv.gz";

    private ShippedCommunes() {}

    /** Every shipped commune, in file order. */
    public static Communes load() {
        return Communes.of(list());
    }

    /** Every shipped commune, in file order, as a list. */
    public static List<Commune> list() {
        InputStream raw = ShippedCommunes.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException(
                    RESOURCE + " is not on the classpath (traitant-reference-data jar missing)");
        }
        try (InputStreamReader text = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(text)) {
            List<Commune> communes = new ArrayList<>(35_000);
            for (NamedCsvRecord r : csv) {
                String area = r.getField("area_km2");
                communes.add(new Commune(
                        r.getField("code"),
                        r.getField("name"),
                        Long.parseLong(r.getField("population")),
                        new GeoPoint(Double.parseDouble(r.getField("lat")), Double.parseDouble(r.getField("lon"))),
                        area.isEmpty() ? Double.NaN : Double.parseDouble(area),
                        r.getField("epci"),
                        r.getField("departement"),
                        r.getField("region")));
            }
            return communes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
