package jp.kakaritsuke.kb.authoring.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kb.security.login.*} settings: how many failed sign-ins lock an account or a client address, and for how
 * long (see {@link LoginThrottle}).
 *
 * @param maxFailuresPerAccount failed sign-ins of one account before it is locked
 * @param maxFailuresPerAddress failed sign-ins from one client address before it is locked
 * @param lockout how long a lock lasts after the last failure (and how long failures are counted)
 */
@ConfigurationProperties("kb.security.login")
public record LoginThrottleProperties(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration lockout) {}
