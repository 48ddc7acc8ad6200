package fr.traitant.engine.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The random hold-out of a campaign: a share of the selection is not written to, so that the effect of writing can be
 * measured (signatures among those written to, against signatures among those not). Reproducible: the same ids, share
 * and seed give the same hold-out, whatever the order of the ids.
 */
public final class HoldOut {

    private HoldOut() {}

    /**
     * @param ids the selection
     * @param percent share kept out, 0 to 50; the count is rounded to the nearest whole number (half up)
     * @param seed the campaign's seed
     * @return the ids kept out
     */
    public static Set<String> choose(List<String> ids, int percent, long seed) {
        if (percent < 0 || percent > 50) throw new IllegalArgumentException("hold-out share 0–50 %: " + percent);
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        int count = (int) Math.round(sorted.size() * percent / 100.0);
        SplittableRandom random = new SplittableRandom(seed);
        // Fisher–Yates, first `count` positions
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(sorted.size() - i);
            String t = sorted.get(i);
            sorted.set(i, sorted.get(j));
            sorted.set(j, t);
        }
        return new TreeSet<>(sorted.subList(0, count));
    }
}
