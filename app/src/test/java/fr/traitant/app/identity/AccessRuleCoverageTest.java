package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page the application serves — controller mappings, actuator endpoints, static resources —
 * must be matched by a declared access rule. A new controller without a rule fails here (and would be denied).
 */
@IntegrationTest
class AccessRuleCoverageTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AccessRuleRegistry registry;

    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    record Endpoint(String method, String pattern) {}

    @Test
    void every_controller_mapping_has_an_access_rule() {
        List<Endpoint> endpoints = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                        endpoints.add(new Endpoint("POST", pattern));
                    } else {
                        methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
                    }
                }
            }
        });
        assertThat(endpoints)
                .extracting(Endpoint::pattern)
                .contains(
                        "/",
                        "/communes/{code}",
                        "/api/v1/households/{id}",
                        "/foyers/{id}",
                        "/dpo/journal",
                        "/connexion");
        assertThat(unmatched(endpoints))
                .as("mapped endpoints without any access rule")
                .isEmpty();
    }

    @Test
    void every_actuator_endpoint_has_an_access_rule() {
        List<Endpoint> endpoints = new ArrayList<>();
        actuatorEndpoints.getAllPaths().forEach(path -> endpoints.add(new Endpoint("GET", path)));
        endpoints.add(new Endpoint("GET", actuatorEndpoints.getBasePath()));
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/actuator/health", "/actuator/prometheus");
        assertThat(unmatched(endpoints)).isEmpty();
    }

    @Test
    void every_static_resource_location_has_an_access_rule() throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        for (SimpleUrlHandlerMapping mapping :
                context.getBeansOfType(SimpleUrlHandlerMapping.class).values()) {
            for (String pattern : mapping.getUrlMap().keySet()) {
                endpoints.add(new Endpoint("GET", pattern));
            }
        }
        List<String> patterns = endpoints.stream().map(Endpoint::pattern).toList();
        // static files only under their own prefixes (platform.StaticResources, ADR 0076): no catch-all mapping
        assertThat(patterns)
                .contains("/webjars/**", "/dsfr/**", "/css/**", "/js/**")
                .doesNotContain("/**");
        // and every folder of static/ is served by one of them (a new folder would otherwise answer 404)
        for (String top : staticTopLevel()) {
            assertThat(patterns).as("static/" + top).contains("/" + top.replace("/x", "/**"));
        }
        assertThat(unmatched(endpoints)).isEmpty();
    }

    @Test
    void what_no_rule_declares_is_denied_and_the_rules_are_ordered_by_specificity() {
        assertThat(registry.ruleFor(request("GET", "/admin/secret"))).isEmpty();
        assertThat(registry.ruleFor(request("DELETE", "/communes/83137"))).isEmpty();
        // /dpo/** (DPO) does not capture a more specific public rule and vice versa
        assertThat(registry.ruleFor(request("GET", "/dpo/journal"))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.DPO);
        assertThat(registry.ruleFor(request("GET", "/actuator/health/liveness"))
                        .orElseThrow()
                        .access())
                .isEqualTo(AccessRule.Access.PUBLIC);
        assertThat(registry.ruleFor(request("GET", "/actuator/prometheus"))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.ADMIN);
    }

    private Set<String> unmatched(List<Endpoint> endpoints) {
        Set<String> missing = new TreeSet<>();
        for (Endpoint e : endpoints) {
            if (registry.ruleFor(request(e.method(), sample(e.pattern()))).isEmpty()) {
                missing.add(e.method() + " " + e.pattern());
            }
        }
        return missing;
    }

    /** A concrete path matching a pattern: variables become "1", wildcards a segment or two. */
    static String sample(String pattern) {
        String path =
                pattern.replaceAll("\\{[^}]+}", "1").replace("/**", "/x/y").replace("*", "x");
        return path.isEmpty() ? "/" : path;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request =
                new MockHttpServletRequest(HttpMethod.valueOf(method).name(), path);
        request.setServletPath(path);
        return request;
    }

    private static Set<String> staticTopLevel() throws IOException {
        Set<String> tops = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:/static/**")) {
            String url = r.getURL().toString();
            int at = url.indexOf("/static/");
            if (at >= 0 && url.length() > at + 8) {
                String rest = url.substring(at + 8);
                String top = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) + "/x" : rest;
                if (!top.isBlank() && !top.equals("/x")) {
                    tops.add(top);
                }
            }
        }
        return tops;
    }
}
