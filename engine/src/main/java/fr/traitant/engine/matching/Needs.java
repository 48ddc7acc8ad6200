package fr.traitant.engine.matching;

import java.util.Locale;
import java.util.Optional;

/**
 * What a household needs from its doctor, beyond distance and capacity.
 *
 * @param paediatrics the household includes a child and needs a doctor who sees children
 * @param wheelchairAccess someone in the household needs a wheelchair-accessible practice
 * @param language a language the doctor must speak (lower-case ISO 639-1 code, e.g. {@code "ar"}),
 *     or empty when French is fine
 * @param complex the household is a complex case (someone in ALD or with a vulnerability): only a doctor who takes
 *     complex cases ({@link Capabilities#complexCases()}) is eligible
 */
public record Needs(boolean paediatrics, boolean wheelchairAccess, Optional<String> language, boolean complex) {

    /** No particular need. */
    public static final Needs NONE = new Needs(false, false, Optional.empty(), false);

    /** Needs of a household that is not a complex case. */
    public Needs(boolean paediatrics, boolean wheelchairAccess, Optional<String> language) {
        this(paediatrics, wheelchairAccess, language, false);
    }

    public Needs {
        language = language.map(l -> l.strip().toLowerCase(Locale.ROOT));
        if (language.isPresent() && language.get().isEmpty()) {
            throw new IllegalArgumentException("language must not be blank");
        }
    }

    /** Eligibility policy "needs met": every need of the household is among the doctor's capabilities. */
    public boolean metBy(Capabilities capabilities) {
        if (paediatrics && !capabilities.paediatrics()) return false;
        if (wheelchairAccess && !capabilities.wheelchairAccess()) return false;
        if (complex && !capabilities.complexCases()) return false;
        return language.isEmpty() || capabilities.languages().contains(language.get());
    }

    /** True when the household has no particular need. */
    public boolean none() {
        return !paediatrics && !wheelchairAccess && language.isEmpty() && !complex;
    }
}
