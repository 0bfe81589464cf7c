package jp.kakaritsuke.kb.authoring.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account and per client address (form login and HTTP Basic alike). Once an account or an
 * address has failed {@code max-failures-per-account} / {@code max-failures-per-address} times within
 * {@code lockout}, further attempts for it are refused without checking the password, until {@code lockout} has
 * passed since its last failure. A successful sign-in clears its account's count (not its address's, so that one
 * valid account does not open the door for guessing others from the same address).
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleProperties settings;
    private final Cache<String, AtomicInteger> accounts;
    private final Cache<String, AtomicInteger> addresses;

    LoginThrottle(LoginThrottleProperties settings) {
        this.settings = settings;
        this.accounts = Caffeine.newBuilder()
                .expireAfterWrite(settings.lockout().toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(100_000)
                .build();
        this.addresses = Caffeine.newBuilder()
                .expireAfterWrite(settings.lockout().toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(100_000)
                .build();
    }

    Duration lockout() {
        return settings.lockout();
    }

    /** Whether attempts for {@code account} or from {@code address} are refused now. */
    boolean isLocked(String account, String address) {
        return count(accounts, key(account)) >= settings.maxFailuresPerAccount()
                || count(addresses, address) >= settings.maxFailuresPerAddress();
    }

    void failed(String account, String address) {
        int byAccount = increment(accounts, key(account));
        int byAddress = increment(addresses, address);
        if (byAccount == settings.maxFailuresPerAccount() || byAddress == settings.maxFailuresPerAddress()) {
            log.warn(
                    "Sign-in locked for {} after {} failures (account) / {} (address {})",
                    account,
                    byAccount,
                    byAddress,
                    address);
        }
    }

    void succeeded(String account) {
        accounts.invalidate(key(account));
    }

    private static String key(String account) {
        return account == null ? "" : account;
    }

    private static int count(Cache<String, AtomicInteger> cache, String key) {
        if (key == null) {
            return 0;
        }
        AtomicInteger n = cache.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static int increment(Cache<String, AtomicInteger> cache, String key) {
        if (key == null) {
            return 0;
        }
        // Re-put so that the lock lasts 'lockout' from the latest failure.
        AtomicInteger n = cache.get(key, k -> new AtomicInteger());
        int value = n.incrementAndGet();
        cache.put(key, n);
        return value;
    }
}
