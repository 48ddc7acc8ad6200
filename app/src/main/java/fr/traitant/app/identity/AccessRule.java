package fr.traitant.app.identity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One line of the access policy: requests matching {@code method} (null = any method) and the path
 * {@code pattern} (Spring {@code PathPattern} syntax: {@code /foyers/{id}}, {@code /dsfr/**}) are open to
 * everybody ({@link Access#PUBLIC}), to any signed-in person ({@link Access#SIGNED_IN}) or to the listed roles.
 * Where several rules match, the most specific pattern wins (see {@code AccessRuleRegistry}).
 */
public record AccessRule(@Nullable HttpMethod method, String pattern, Access access, Set<Role> roles) {

    public enum Access {
        PUBLIC,
        SIGNED_IN,
        ROLES
    }

    public AccessRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("pattern must start with /: " + pattern);
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if ((access == Access.ROLES) == roles.isEmpty()) {
            throw new IllegalArgumentException("roles are required exactly when access is ROLES: " + pattern);
        }
    }

    public static AccessRule everybody(String pattern) {
        return new AccessRule(null, pattern, Access.PUBLIC, Set.of());
    }

    public static AccessRule everybody(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Access.PUBLIC, Set.of());
    }

    public static AccessRule signedIn(String pattern) {
        return new AccessRule(null, pattern, Access.SIGNED_IN, Set.of());
    }

    public static AccessRule roles(String pattern, Role... roles) {
        return new AccessRule(null, pattern, Access.ROLES, Set.of(roles));
    }

    public static AccessRule roles(HttpMethod method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, Access.ROLES, Set.of(roles));
    }

    /** Whether a person with this role (null = anonymous) passes this rule. */
    public boolean admits(@Nullable Role role) {
        return switch (access) {
            case PUBLIC -> true;
            case SIGNED_IN -> role != null;
            case ROLES -> role != null && roles.contains(role);
        };
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method.name()) + " " + pattern + " → "
                + (access == Access.ROLES ? roles.toString() : access.name());
    }
}
