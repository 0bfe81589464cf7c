/**
 * What an operator of the service watches: health (is the store reachable, does the full-text index agree with it)
 * and the application's own metrics (answer cache, text index), served by Spring Boot Actuator under
 * {@code /actuator} — health for everyone, the rest for administrators (see the README, "Operating the service").
 */
package jp.kakaritsuke.kb.operations;
