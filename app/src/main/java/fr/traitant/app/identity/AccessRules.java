package fr.traitant.app.identity;

import java.util.List;

/**
 * The access rules a module contributes: declare one bean of this type per module, next to its controllers.
 * {@code identity} collects them all into the security filter chain; a request no rule matches is denied,
 * and {@code AccessRuleCoverageTest} fails when a mapped endpoint has no rule.
 */
@FunctionalInterface
public interface AccessRules {

    List<AccessRule> rules();
}
