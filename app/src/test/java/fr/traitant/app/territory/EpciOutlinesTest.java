package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.territory.Commune;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #18, point 1 ("zones on every map, outlined"): the approximate outline of an intercommunalité. */
@IntegrationTest
class EpciOutlinesTest {

    private static final String GRAND_CAHORS = "200023737";

    @Autowired
    EpciOutlines outlines;

    @Autowired
    Territory territory;

    @Test
    void an_outline_holds_its_communes_and_not_those_of_its_neighbours() {
        List<EpciOutlines.Outline> found = outlines.of(List.of(GRAND_CAHORS, "000000000"));
        assertThat(found).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("CA du Grand Cahors"));
        EpciOutlines.Outline cahors = found.getFirst();
        int inside = 0, members = 0, intruders = 0, lot = 0;
        for (Commune c : territory.engineCommunes().asList()) {
            if (!c.departement().equals("46")) continue;
            boolean in = contains(cahors, c.position().lon(), c.position().lat());
            if (c.epci().equals(GRAND_CAHORS)) {
                members++;
                if (in) inside++;
            } else {
                lot++;
                if (in) intruders++;
            }
        }
        assertThat(members).isGreaterThan(30);
        assertThat(inside).isEqualTo(members);
        assertThat(lot).isGreaterThan(250);
        assertThat(intruders).isZero();
    }

    @Test
    void an_overseas_intercommunalite_has_no_outline_since_none_is_shipped() {
        String overseas = territory.engineCommunes().asList().stream()
                .filter(c -> c.departement().startsWith("97") && !c.epci().isEmpty())
                .findFirst()
                .orElseThrow()
                .epci();
        assertThat(outlines.of(List.of(overseas))).isEmpty();
    }

    /** Even-odd ray casting over every ring of every polygon. */
    static boolean contains(EpciOutlines.Outline outline, double lon, double lat) {
        boolean in = false;
        for (List<List<double[]>> polygon : outline.polygons()) {
            for (List<double[]> ring : polygon) {
                for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                    double[] a = ring.get(i), b = ring.get(j);
                    if ((a[1] > lat) != (b[1] > lat) && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0])
                        in = !in;
                }
            }
        }
        return in;
    }
}
