package fr.traitant.engine.travel;

import java.util.Arrays;

/**
 * {@link TravelTimes} given by an explicit origin–destination matrix, e.g. computed by a router
 * (OSRM, GraphHopper) or taken from Insee Metric.
 *
 * <p>Exactly the listed pairs are reachable, with exactly the listed minutes; every other pair
 * is unreachable ({@link Double#POSITIVE_INFINITY}). The matrix is directed: listing
 * {@code a → b} says nothing about {@code b → a}. One exception, chosen because DREES counts
 * travel inside a commune as 0 minutes: when {@code selfReachableAtZero} is set, a commune whose
 * own pair is not listed reaches itself in 0 minutes (a listed self pair always wins).
 *
 * <p>Stored as compressed sparse rows (per origin, destinations sorted), so lookups cost a binary
 * search in the origin's row.
 */
public final class MatrixTravelTimes implements TravelTimes {

    private final int communeCount;
    private final boolean selfReachableAtZero;
    private final int[] rowStart;
    private final int[] destination;
    private final double[] minutes;

    private MatrixTravelTimes(
            int communeCount, boolean selfReachableAtZero, int[] rowStart, int[] destination, double[] minutes) {
        this.communeCount = communeCount;
        this.selfReachableAtZero = selfReachableAtZero;
        this.rowStart = rowStart;
        this.destination = destination;
        this.minutes = minutes;
    }

    /**
     * Starts a matrix over {@code communeCount} communes.
     *
     * @param selfReachableAtZero whether an unlisted self pair counts as 0 minutes (see class doc)
     */
    public static Builder builder(int communeCount, boolean selfReachableAtZero) {
        return new Builder(communeCount, selfReachableAtZero);
    }

    /** Number of listed pairs. */
    public int pairCount() {
        return destination.length;
    }

    @Override
    public int communeCount() {
        return communeCount;
    }

    @Override
    public double minutes(int origin, int destinationIndex) {
        checkIndex(origin);
        checkIndex(destinationIndex);
        int found = Arrays.binarySearch(destination, rowStart[origin], rowStart[origin + 1], destinationIndex);
        if (found >= 0) {
            return minutes[found];
        }
        if (origin == destinationIndex && selfReachableAtZero) {
            return 0.0;
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public void forEachReachable(int origin, double maxMinutes, Reach consumer) {
        checkIndex(origin);
        if (!(maxMinutes >= 0)) {
            throw new IllegalArgumentException("maxMinutes must be >= 0, got " + maxMinutes);
        }
        boolean selfListed = false;
        for (int k = rowStart[origin]; k < rowStart[origin + 1]; k++) {
            if (destination[k] == origin) {
                selfListed = true;
            }
            if (minutes[k] <= maxMinutes) {
                consumer.reach(destination[k], minutes[k]);
            }
        }
        if (!selfListed && selfReachableAtZero) {
            consumer.reach(origin, 0.0);
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= communeCount) {
            throw new IndexOutOfBoundsException("commune index " + index + " outside [0, " + communeCount + ")");
        }
    }

    /** Collects pairs, then builds an immutable matrix. Not thread-safe. */
    public static final class Builder {
        private final int communeCount;
        private final boolean selfReachableAtZero;
        private int size;
        private int[] origins = new int[16];
        private int[] destinations = new int[16];
        private double[] times = new double[16];

        private Builder(int communeCount, boolean selfReachableAtZero) {
            if (communeCount < 0) {
                throw new IllegalArgumentException("commune count must be >= 0");
            }
            this.communeCount = communeCount;
            this.selfReachableAtZero = selfReachableAtZero;
        }

        /**
         * Adds the pair {@code origin → destination} taking {@code minutes} (finite, ≥ 0).
         * A pair may be added only once ({@link #build()} rejects duplicates).
         */
        public Builder add(int origin, int destination, double minutes) {
            if (origin < 0 || origin >= communeCount || destination < 0 || destination >= communeCount) {
                throw new IndexOutOfBoundsException(
                        "pair " + origin + " → " + destination + " outside [0, " + communeCount + ")");
            }
            if (!(minutes >= 0) || Double.isInfinite(minutes)) {
                throw new IllegalArgumentException("minutes must be finite and >= 0, got " + minutes);
            }
            if (size == origins.length) {
                origins = Arrays.copyOf(origins, size * 2);
                destinations = Arrays.copyOf(destinations, size * 2);
                times = Arrays.copyOf(times, size * 2);
            }
            origins[size] = origin;
            destinations[size] = destination;
            times[size] = minutes;
            size++;
            return this;
        }

        /**
         * Builds the matrix.
         *
         * @throws IllegalArgumentException if a pair was added twice
         */
        public MatrixTravelTimes build() {
            int[] rowStart = new int[communeCount + 1];
            for (int k = 0; k < size; k++) {
                rowStart[origins[k] + 1]++;
            }
            for (int i = 0; i < communeCount; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] fill = Arrays.copyOf(rowStart, communeCount);
            int[] dest = new int[size];
            double[] mins = new double[size];
            for (int k = 0; k < size; k++) {
                int at = fill[origins[k]]++;
                dest[at] = destinations[k];
                mins[at] = times[k];
            }
            for (int i = 0; i < communeCount; i++) {
                sortRow(dest, mins, rowStart[i], rowStart[i + 1]);
                for (int k = rowStart[i] + 1; k < rowStart[i + 1]; k++) {
                    if (dest[k] == dest[k - 1]) {
                        throw new IllegalArgumentException("pair " + i + " → " + dest[k] + " listed twice");
                    }
                }
            }
            return new MatrixTravelTimes(communeCount, selfReachableAtZero, rowStart, dest, mins);
        }

        private static void sortRow(int[] dest, double[] mins, int from, int to) {
            int n = to - from;
            if (n < 2) {
                return;
            }
            long[] packed = new long[n];
            for (int k = 0; k < n; k++) {
                packed[k] = ((long) dest[from + k] << 32) | k;
            }
            Arrays.sort(packed);
            double[] sortedMinutes = new double[n];
            for (int k = 0; k < n; k++) {
                int original = (int) (packed[k] & 0xFFFF_FFFFL);
                sortedMinutes[k] = mins[from + original];
                dest[from + k] = (int) (packed[k] >>> 32);
            }
            System.arraycopy(sortedMinutes, 0, mins, from, n);
        }
    }
}
