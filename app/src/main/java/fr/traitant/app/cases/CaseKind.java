package fr.traitant.app.cases;

import fr.traitant.app.identity.Role;

/**
 * Who handles a case: the PASS (signalement, handled by advisors) or the conciliator (saisine). Each agent role
 * sees and handles its own kind only (ADR 0020); the other kind answers 404.
 */
public enum CaseKind {
    PASS("Accompagnement PASS", "PASS", Role.ADVISOR),
    CONCILIATION("Conciliation", "CONC", Role.CONCILIATOR);

    private final String label;
    private final String prefix;
    private final Role handler;

    CaseKind(String label, String prefix, Role handler) {
        this.label = label;
        this.prefix = prefix;
        this.handler = handler;
    }

    public String label() {
        return label;
    }

    /** Prefix of the reference numbers ({@code PASS-2026-000123}). */
    public String prefix() {
        return prefix;
    }

    /** The role whose agents handle this kind. */
    public Role handler() {
        return handler;
    }

    /** The kind an agent role handles, if any. */
    public static java.util.Optional<CaseKind> handledBy(Role role) {
        for (CaseKind kind : values()) {
            if (kind.handler == role) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
