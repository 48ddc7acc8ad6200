package fr.traitant.engine.territory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An immutable, indexed list of communes with unique codes. Index {@code i} is the position in
 * the list given at construction; engine components (travel times, accessibility) address
 * communes by this index.
 */
public final class Communes {

    private final List<Commune> communes;
    private final Map<String, Integer> indexByCode;

    private Communes(List<Commune> communes) {
        this.communes = List.copyOf(communes);
        this.indexByCode = new HashMap<>(communes.size() * 2);
        for (int i = 0; i < this.communes.size(); i++) {
            Integer previous = indexByCode.putIfAbsent(this.communes.get(i).code(), i);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "duplicate commune code " + this.communes.get(i).code());
            }
        }
    }

    /** Indexes {@code communes} (copied) in the given order; codes must be unique. */
    public static Communes of(List<Commune> communes) {
        return new Communes(communes);
    }

    public int size() {
        return communes.size();
    }

    /** The commune at {@code index}. */
    public Commune get(int index) {
        return communes.get(index);
    }

    /** All communes in index order (unmodifiable). */
    public List<Commune> asList() {
        return communes;
    }

    /** Index of the commune with this code, if any. */
    public OptionalInt findIndex(String code) {
        Integer index = indexByCode.get(code);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** Index of the commune with this code; throws {@link IllegalArgumentException} if unknown. */
    public int indexOf(String code) {
        Integer index = indexByCode.get(code);
        if (index == null) {
            throw new IllegalArgumentException("unknown commune code " + code);
        }
        return index;
    }

    /** Sum of populations, inhabitants. */
    public long totalPopulation() {
        long total = 0;
        for (Commune c : communes) {
            total += c.population();
        }
        return total;
    }
}
