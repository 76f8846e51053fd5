package dev.tracker.issues.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small cache whose entries expire a fixed time after they were put, holding at most
 * {@code maxSize} of them (the least recently used go first).
 */
final class ExpiringCache<K, V> {

	private final Duration ttl;

	private final Clock clock;

	private final Map<K, Entry<V>> entries;

	ExpiringCache(Duration ttl, int maxSize, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
				return size() > maxSize;
			}

		};
	}

	/** The value for the key, unless there is none or it expired. */
	synchronized V get(K key) {
		Entry<V> entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(entry.expiresAt())) {
			this.entries.remove(key);
			return null;
		}
		return entry.value();
	}

	synchronized void put(K key, V value) {
		this.entries.put(key, new Entry<>(value, this.clock.instant().plus(this.ttl)));
	}

	synchronized void remove(K key) {
		this.entries.remove(key);
	}

	synchronized int size() {
		return this.entries.size();
	}

	private record Entry<V>(V value, Instant expiresAt) {
	}

}
