/**
 * The contract by which a failure says how the application answers it ({@link HttpFailure}: status, message key,
 * detail, and what else a client may get). Every package may throw such failures — the store and query layers too,
 * which know nothing of the web — and {@code web.ErrorHandling} renders them for the client. This package depends on
 * no other package of the application.
 */
package jp.kakaritsuke.kb.failure;
