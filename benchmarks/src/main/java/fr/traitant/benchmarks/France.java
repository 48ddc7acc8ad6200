package fr.traitant.benchmarks;

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

/** The 34,875 real communes shipped in the reference-data jar, read for benchmarks. */
final class France {

    private France() {}

    static Communes communes() {
        try (InputStream in = France.class.getResourceAsStream("/fr/traitant/referencedata/communes.csv.gz");
                CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                        .ofNamedCsvRecord(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            List<Commune> communes = new ArrayList<>();
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
            return Communes.of(communes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
