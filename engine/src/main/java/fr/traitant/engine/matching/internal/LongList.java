package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/** Growable long array. */
final class LongList {
    long[] a = new long[16];
    int n;

    void add(long v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    long[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
