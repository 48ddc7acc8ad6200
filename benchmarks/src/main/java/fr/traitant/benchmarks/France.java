package fr.traitant.benchmarks;

import fr.traitant.engine.territory.Communes;

/** The 34,875 real communes shipped in the reference-data jar, read for benchmarks. */
final class France {

    private France() {}

    static Communes communes() {
        return fr.traitant.referencedata.ShippedCommunes.load();
    }
}
