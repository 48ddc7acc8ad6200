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
 * @param complexCases takes complex cases (the doctor's declared complexity is above "simple cases only")
 */
public record Capabilities(boolean paediatrics, boolean wheelchairAccess, Set<String> languages, boolean complexCases) {

    /**
     * A general practitioner who declared nothing more: sees children, takes complex cases, speaks French only; wheelchair
     * access is not promised (nobody declared it). What the application assumes of a doctor known by account only.
     */
    public static final Capabilities GENERAL = new Capabilities(true, false, Set.of(), true);

    /**
     * No restriction but language: meets the paediatric, wheelchair and complexity needs. What the CLI assumes when the
     * doctors' file has no {@code offers} column (the behaviour before needs existed), and the default of
     * {@link Doctor#of}.
     */
    public static final Capabilities UNRESTRICTED = new Capabilities(true, true, Set.of(), true);

    /** Meets nothing beyond the default (adult patients, French, no guaranteed access, simple cases only). */
    public static final Capabilities MINIMAL = new Capabilities(false, false, Set.of(), false);

    /** A doctor who takes complex cases (the usual declaration). */
    public Capabilities(boolean paediatrics, boolean wheelchairAccess, Set<String> languages) {
        this(paediatrics, wheelchairAccess, languages, true);
    }

    public Capabilities {
        languages =
                languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
