package jp.kakaritsuke.kb.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value computed from the store (a page's model, a list every request needs) and kept until the store reports a
 * write ({@link CachingKnowledgeStore#onChange}), so that readers do not compute it again on every request. The value
 * belongs to a key (what else it was computed from, e.g. the dumps' figures, or the area a part of a page is about): a
 * call with a key not kept computes the value; the values of as many keys as the constructor allows are kept. A value
 * computed while a write happened is not kept, nor one computed from answers as they were before a write (see
 * {@link CachingKnowledgeStore#servedEarlierAnswers()}).
 *
 * <p>A value is kept as long as the answer cache keeps the answers it is computed from: until the next write over the
 * embedded database; over a remote store, whose other clients write unseen, at most the cache's time to live. Without
 * the answer cache every call computes the value. Kept values are shared between callers: they must not be changed.
 *
 * @param <V> the value
 */
public final class KeptUntilWrite<V> {

    private record Held<V>(V value, long keptAt) {}

    private static final Object NO_KEY = new Object();

    private final boolean writesReported;
    /** How long a value is kept at most, in nanoseconds; {@code Long.MAX_VALUE} for until the next write. */
    private final long maxAgeNanos;
    /** Raised by every reported write: a value computed across a write is not kept. */
    private final AtomicLong writes = new AtomicLong();

    /** The kept values by key, at most as many as the constructor allows (the least recently used go first). */
    private final Cache<Object, Held<V>> held;
    /** One key only: the last one computed is kept (the cache's own eviction may prefer an older one). */
    private final boolean single;
    /** The clock, in nanoseconds, that ages kept values over a remote store. */
    private final LongSupplier nanoTime;

    /** Keeps one value: a call with another key computes it again and keeps that one instead. */
    public KeptUntilWrite(KnowledgeStore store) {
        this(store, 1);
    }

    /** Keeps the values of up to {@code keys} keys (a page's part per area, per language). */
    public KeptUntilWrite(KnowledgeStore store, int keys) {
        this(store, keys, System::nanoTime);
    }

    /** As {@link #KeptUntilWrite(KnowledgeStore, int)}, with the clock that ages the kept values (tests). */
    KeptUntilWrite(KnowledgeStore store, int keys, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.held = Caffeine.newBuilder().maximumSize(keys).build();
        this.single = keys == 1;
        this.writesReported = store instanceof CachingKnowledgeStore;
        this.maxAgeNanos = store instanceof CachingKnowledgeStore caching
                ? caching.timeToLive().map(Duration::toNanos).orElse(Long.MAX_VALUE)
                : Long.MAX_VALUE;
        if (store instanceof CachingKnowledgeStore caching) {
            caching.onChange(() -> {
                // Raised first: a computation that started before the write then keeps nothing.
                writes.incrementAndGet();
                held.invalidateAll();
            });
        }
    }

    /** The value, computed by {@code compute} unless it is kept. */
    public V get(Supplier<? extends V> compute) {
        return get(NO_KEY, key -> compute.get());
    }

    /** The value for {@code key}, computed by {@code compute} unless it is kept for an equal key. */
    public <K> V get(K key, Function<? super K, ? extends V> compute) {
        Held<V> current = held.getIfPresent(key);
        if (current != null && nanoTime.getAsLong() - current.keptAt() < maxAgeNanos) {
            return current.value();
        }
        long seen = writes.get();
        V value = compute.apply(key);
        // Not kept if computed from answers as they were before a write (a reader's request is given those while
        // the fresh ones are computed): the next call computes it again.
        if (writesReported && writes.get() == seen && !CachingKnowledgeStore.servedEarlierAnswers()) {
            if (single) {
                held.invalidateAll();
            }
            held.put(key, new Held<>(value, nanoTime.getAsLong()));
            if (writes.get() != seen) {
                // A write came while the value was put: it may have been put after the write emptied the cache.
                held.invalidate(key);
            }
        }
        return value;
    }
}
