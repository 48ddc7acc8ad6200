package fr.traitant.engine.matching;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The needs a doctor can meet.
 *
 * @param paediatrics sees children
 * @param wheelchairAccess the practice is wheelchair accessible
 * @param languages languages spoken besides French (lower-case ISO 639-1 codes); copied
 */
public record Capabilities(boolean paediatrics, boolean wheelchairAccess, Set<String> languages) {

    /** A general practice that sees children, is accessible and speaks French only: meets every need but language. */
    public static final Capabilities GENERAL = new Capabilities(true, true, Set.of());

    /** Meets nothing beyond the default (adult patients, French, no guaranteed access). */
    public static final Capabilities MINIMAL = new Capabilities(false, false, Set.of());

    public Capabilities {
        languages = languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
