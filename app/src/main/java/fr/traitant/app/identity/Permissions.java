package fr.traitant.app.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Whether the signed-in person may submit a form, decided by the same access rules as the requests themselves, so that
 * a page never shows a form its reader may not submit ({@code th:if="${@may.post('/appariements')}"}).
 */
@Component("may")
public class Permissions {

    private final AccessRuleRegistry registry;
    private final CurrentUser currentUser;

    Permissions(AccessRuleRegistry registry, CurrentUser currentUser) {
        this.registry = registry;
        this.currentUser = currentUser;
    }

    public boolean post(String path) {
        return allows(HttpMethod.POST, path);
    }

    public boolean allows(HttpMethod method, String path) {
        return allows(currentUser.find().map(SignedInUser::role).orElse(null), method, path);
    }

    /** Whether a person with this role (null: anonymous) may send this request. */
    public boolean allows(@Nullable Role role, HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return registry.rules().stream()
                .map(AccessRuleRegistry.CompiledRule::rule)
                .filter(r -> r.method() == null || r.method().equals(method))
                .filter(r ->
                        PathPatternParser.defaultInstance.parse(r.pattern()).matches(container))
                .findFirst()
                .map(r -> r.admits(role))
                .orElse(false);
    }
}
