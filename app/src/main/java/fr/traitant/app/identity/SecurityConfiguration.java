package fr.traitant.app.identity;

import fr.traitant.app.platform.TraitantProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one security filter chain, built from the {@link AccessRuleRegistry}: forwards and error dispatches pass,
 * then each declared rule in order of specificity, then {@code denyAll()} for everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/connexion";

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix lets us move to another algorithm without forcing password resets
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(
            AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        return new ThrottledAuthenticationProvider(accounts, encoder, throttle, clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AccessRuleRegistry registry,
            ThrottledAuthenticationProvider passwords,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            OidcAccountLinker oidcAccountLinker,
            TraitantProperties properties)
            throws Exception {
        http.authorizeHttpRequests(authorize -> {
            authorize
                    .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll();
            for (AccessRuleRegistry.CompiledRule compiled : registry.rules()) {
                var matched = authorize.requestMatchers(compiled.matcher());
                AccessRule rule = compiled.rule();
                switch (rule.access()) {
                    case PUBLIC -> matched.permitAll();
                    case SIGNED_IN -> matched.authenticated();
                    case ROLES ->
                        matched.hasAnyRole(
                                rule.roles().stream().map(Role::name).sorted().toArray(String[]::new));
                }
            }
            authorize.anyRequest().denyAll();
        });

        // what no rule declares is denied to everybody; say "not found" (like a missing page) rather than
        // "sign in" or "forbidden", which would hint that something is there
        AccessDeniedHandler undeclared = (request, response, e) -> {
            if (isApi(request)) {
                problem(response, HttpStatus.NOT_FOUND, "Introuvable", "Aucune ressource à cette adresse.", request);
            } else {
                request.getRequestDispatcher(IdentityPages.NOT_FOUND).forward(request, response);
            }
        };
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> {
            if (request.getRequestURI().startsWith("/actuator")) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Traitant\"");
            }
            problem(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Authentification requise",
                    "Connectez-vous pour accéder à cette ressource.",
                    request);
        };
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/acces-refuse");
        AccessDeniedHandler denied = (request, response, e) -> {
            if (registry.ruleFor(request).isEmpty()) {
                undeclared.handle(request, response, e);
            } else if (isApi(request)) {
                problem(
                        response,
                        HttpStatus.FORBIDDEN,
                        "Accès refusé",
                        "Vous n'avez pas accès à cette ressource.",
                        request);
            } else {
                deniedPage.handle(request, response, e);
            }
        };
        RequestMatcher api = SecurityConfiguration::isApi;
        RequestMatcher notDeclared = request -> registry.ruleFor(request).isEmpty();
        AuthenticationEntryPoint notFound = (request, response, e) -> undeclared.handle(
                request,
                response,
                new org.springframework.security.access.AccessDeniedException(
                        "No access rule declares " + request.getRequestURI()));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(notFound, notDeclared)
                .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(denied));

        AuthenticationFailureHandler failure = (request, response, e) -> {
            String reason = e instanceof LockedException ? "verrou" : "erreur";
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?" + reason);
        };
        RequestMatcher apiDocs = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/mon-compte");

        // the throttled provider is the global AuthenticationManager's only provider (a bean); adding it here too
        // would run it twice per failed attempt
        // HTTP Basic is for metric scrapers on /actuator only (README): elsewhere the header is ignored, so a password
        // cannot be tried against any route without the login form's throttling and CSRF
        http.addFilterBefore(
                new BasicOnlyOnActuator(),
                org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        http.formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .loginProcessingUrl(LOGIN_PAGE)
                        .successHandler(success)
                        .failureHandler(failure))
                .httpBasic(basic -> basic.realmName("Traitant").authenticationEntryPoint(apiEntryPoint))
                .logout(logout -> logout.logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/?deconnexion")
                        .deleteCookies("JSESSIONID")
                        .invalidateHttpSession(true))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        // Swagger UI (no personal data) sets one inline style: only its pages allow inline styles
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                apiDocs,
                                new StaticHeadersWriter(
                                        "Content-Security-Policy",
                                        contentSecurityPolicy(properties)
                                                .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(apiDocs),
                                new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy(properties))))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(self), payment=(), usb=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));

        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            SimpleUrlAuthenticationSuccessHandler oidcSuccess =
                    new SimpleUrlAuthenticationSuccessHandler("/mon-compte");
            http.oauth2Login(oauth -> oauth.loginPage(LOGIN_PAGE)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccountLinker))
                    .successHandler(oidcSuccess)
                    .failureHandler((request, response, e) -> {
                        String code =
                                e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException o
                                        ? o.getError().getErrorCode()
                                        : "";
                        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?refus"
                                + (IdentityPages.REFUSALS.containsKey(code) ? "=" + code : ""));
                    }));
        }
        return http.build();
    }

    /**
     * Scripts, styles, fonts and data from this origin only (DSFR, Leaflet and htmx are served by us; no inline
     * script or style in our pages). Images may be {@code data:} URIs (DSFR and Leaflet icons) and map tiles
     * from the configured tile server.
     */
    static String contentSecurityPolicy(TraitantProperties properties) {
        String tiles = "";
        String tileUrl = properties.map().tileUrl();
        if (tileUrl != null && !tileUrl.isBlank()) {
            URI uri = URI.create(tileUrl.replaceAll("[{}]", ""));
            tiles = " " + uri.getScheme() + "://"
                    + uri.getRawAuthority()
                            .replace("a.", "*.")
                            .replace("b.", "*.")
                            .replace("c.", "*.");
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
                + "; frame-ancestors 'none'";
    }

    /**
     * Whether a request refused for want of sign-in gets 401 problem details rather than the sign-in page: an API
     * address, or a client that asks for neither HTML nor anything (a browser, or curl's {@code *}{@code /*}, is sent
     * to the sign-in page).
     */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return fr.traitant.app.platform.ApiPaths.includes(path)
                || (accept != null
                        && !accept.contains("text/html")
                        && !accept.contains("*/*")
                        && !path.startsWith(LOGIN_PAGE));
    }

    private static void problem(
            jakarta.servlet.http.HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            HttpServletRequest request)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\",\"instance\":\""
                        + request.getRequestURI().replaceAll("[\"\\\\<>]", "") + "\"}");
    }

    /** Hides an {@code Authorization: Basic …} header from every route but {@code /actuator/**}. */
    static final class BasicOnlyOnActuator extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(
                jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (!basic || path.equals("/actuator") || path.startsWith("/actuator/")) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(
                    new jakarta.servlet.http.HttpServletRequestWrapper(request) {
                        @Override
                        public @Nullable String getHeader(String name) {
                            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
                        }

                        @Override
                        public java.util.Enumeration<String> getHeaders(String name) {
                            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                                    ? java.util.Collections.emptyEnumeration()
                                    : super.getHeaders(name);
                        }
                    },
                    response);
        }
    }
}
