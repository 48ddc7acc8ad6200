package fr.traitant.app.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are counted per account and per client address with bucket4j token buckets: each failure takes
 * a token, tokens come back at the window's pace. With no token left, further attempts are refused <em>before</em>
 * the password is checked, so that the right password does not help an attacker. A success refills the account's
 * bucket (not the address's). Buckets live in memory (one instance; see README for a cluster).
 */
@org.springframework.boot.context.properties.EnableConfigurationProperties(IdentityProperties.class)
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    LoginThrottle(IdentityProperties settings) {
        this.perAccount = settings.security().login().maxFailuresPerAccount();
        this.perAddress = settings.security().login().maxFailuresPerAddress();
        this.window = settings.security().login().window();
    }

    public boolean isBlocked(String username, @Nullable String address) {
        return exhausted(accounts, key(username)) || exhausted(addresses, address);
    }

    public void failed(String username, @Nullable String address) {
        bucket(accounts, key(username), perAccount).tryConsume(1);
        if (address != null) {
            bucket(addresses, address, perAddress).tryConsume(1);
        }
    }

    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    Duration window() {
        return window;
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean exhausted(Map<String, Bucket> buckets, @Nullable String key) {
        Bucket bucket = key == null ? null : buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // memory bound under a spraying attack; the address limit still applies afterwards
        }
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, window)
                                .build())
                        .build());
    }
}
