package fr.traitant.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every {@link AccessRule} of every module, most specific first (Spring's {@link PathPattern#SPECIFICITY_COMPARATOR};
 * for the same pattern, a rule naming its HTTP method comes before one for any method). The first matching rule
 * decides; nothing matching means denied. Two rules for the same method and pattern are refused at start-up.
 */
@Component
class AccessRuleRegistry {

    /** A rule with the request matcher built from it. */
    record CompiledRule(AccessRule rule, RequestMatcher matcher) {}

    private final List<CompiledRule> rules;

    AccessRuleRegistry(List<AccessRules> contributions) {
        List<AccessRule> all = new ArrayList<>();
        contributions.forEach(c -> all.addAll(c.rules()));
        Set<String> seen = new HashSet<>();
        for (AccessRule rule : all) {
            if (!seen.add(rule.method() + " " + rule.pattern())) {
                throw new IllegalStateException("Two access rules for " + rule.method() + " " + rule.pattern());
            }
        }
        PathPatternParser parser = PathPatternParser.defaultInstance;
        Comparator<AccessRule> bySpecificity =
                Comparator.comparing(r -> parser.parse(r.pattern()), PathPattern.SPECIFICITY_COMPARATOR);
        all.sort(bySpecificity.thenComparing(r -> r.method() == null));
        PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
        this.rules = all.stream()
                .map(r -> new CompiledRule(r, matchers.matcher(r.method(), r.pattern())))
                .toList();
    }

    List<CompiledRule> rules() {
        return rules;
    }

    /** The rule deciding this request, if any (none = denied). */
    Optional<AccessRule> ruleFor(HttpServletRequest request) {
        return rules.stream()
                .filter(r -> r.matcher().matches(request))
                .map(CompiledRule::rule)
                .findFirst();
    }
}
