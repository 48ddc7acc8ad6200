package fr.traitant.oidcserver;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server (through Spring Boot's auto-configuration)
 * on its own port, at {@code http://127.0.0.1:PORT} — another host name than the application's {@code localhost},
 * so that the two sessions' cookies do not mix. It lives outside {@code fr.traitant.app} so the application never
 * scans it. Users sign in with a login form; their ID token carries the claims the test puts in {@link #CLAIMS}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
public class TestAuthorizationServer {

    public static final int PORT = freePort();
    public static final String ISSUER = "http://127.0.0.1:" + PORT;
    public static final String CLIENT_ID = "traitant";
    public static final String CLIENT_SECRET = "secret-de-test";
    public static final String USER_PASSWORD = "mot-de-passe-idp";

    /** Extra ID-token claims per user name of this provider, set by the tests. */
    public static final Map<String, Map<String, Object>> CLAIMS = new ConcurrentHashMap<>();

    private static ConfigurableApplicationContext running;

    /** Starts the provider once per JVM; redirect URIs point at the application's port. */
    public static synchronized void start(int appPort) {
        if (running != null) {
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.config.name", "oidc-test-server");
        p.put("server.port", PORT);
        p.put("server.address", "127.0.0.1");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.application.name", "oidc-test-server");
        p.put("management.endpoints.web.exposure.include", "");
        p.put("spring.security.oauth2.authorizationserver.issuer", ISSUER);
        String client = "spring.security.oauth2.authorizationserver.client.traitant.";
        p.put(client + "registration.client-id", CLIENT_ID);
        p.put(client + "registration.client-secret", "{noop}" + CLIENT_SECRET);
        p.put(client + "registration.client-authentication-methods", "client_secret_basic");
        p.put(client + "registration.authorization-grant-types", "authorization_code");
        p.put(
                client + "registration.redirect-uris",
                "http://localhost:" + appPort + "/login/oauth2/code/agents,"
                        + "http://localhost:" + appPort + "/login/oauth2/code/psc,"
                        + "http://localhost:" + appPort + "/login/oauth2/code/franceconnect");
        p.put(client + "registration.scopes", "openid,profile,email");
        p.put(client + "require-authorization-consent", "false");
        running = new SpringApplicationBuilder(TestAuthorizationServer.class)
                .properties(p)
                .run();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("agent")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("sans-role")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("docteur")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("assure")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                // first sign-ins of issue 14: one subject per case, since a matched subject stays linked
                User.withUsername("psc-nouveau")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("psc-inconnu")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("fc-reconnu")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("fc-inconnu")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("fc-ambigu")
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                CLAIMS.getOrDefault(context.getPrincipal().getName(), Map.of())
                        .forEach((name, value) -> context.getClaims().claim(name, value));
            }
        };
    }

    /** Registers the provider as the application's "agents", "psc" and "franceconnect" OIDC clients (for every integration test). */
    public static class ClientRegistration implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> p = new LinkedHashMap<>();
            for (String[] registration : new String[][] {
                {"agents", "l'annuaire des agents (test)"},
                {"psc", "Pro Santé Connect (test)"},
                {"franceconnect", "FranceConnect (test)"}
            }) {
                String r = "spring.security.oauth2.client.registration." + registration[0] + ".";
                p.put(r + "client-id", CLIENT_ID);
                p.put(r + "client-secret", CLIENT_SECRET);
                p.put(r + "client-name", registration[1]);
                p.put(r + "provider", "test-idp");
                p.put(r + "scope", "openid,profile,email");
                p.put(r + "authorization-grant-type", "authorization_code");
                p.put(r + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
            }
            String provider = "spring.security.oauth2.client.provider.test-idp.";
            p.put(provider + "authorization-uri", ISSUER + "/oauth2/authorize");
            p.put(provider + "token-uri", ISSUER + "/oauth2/token");
            p.put(provider + "jwk-set-uri", ISSUER + "/oauth2/jwks");
            p.put(provider + "user-name-attribute", "sub");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-oidc-clients", p));
        }
    }

    /**
     * A free port below the OS ephemeral range (32768+): the provider starts only when an OIDC test runs, and a port
     * from the ephemeral range could meanwhile be handed to another server or client socket of the suite.
     */
    private static int freePort() {
        java.util.random.RandomGenerator random = new java.util.SplittableRandom();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(9_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another one
            }
        }
        throw new IllegalStateException("no free port found in 20000-28999 for the test OIDC provider");
    }
}
