package org.slmhub.site;

import java.util.Collections;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a process that builds again and again ({@code slmhub serve}) keeps between builds: per model,
 * its manifest's key, list row, page data and API text. Entries are keyed by the
 * identity of the parsed manifest ({@link org.slmhub.catalog.ParsedManifests} hands out the same
 * object while its file is unchanged) plus a text of everything else the value depends on, so an
 * edit recomputes one model and a one-off build simply fills it once.
 */
public final class SiteMemo {
    private record Kept<T>(String depends, T value) {
    }

    private Map<Object, Kept<Object>> current = newMap();
    private Map<Object, Kept<Object>> previous = newMap();

    /** The value for {@code key} (a manifest, or page data) when it was made from the same {@code depends}, else made now. */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, Object key, String depends, Supplier<T> make) {
        Object k = new IdentityKey(kind, key);
        Kept<Object> kept = current.get(k);
        if (kept == null) {
            kept = previous.get(k);
        }
        if (kept == null || !kept.depends().equals(depends)) {
            kept = new Kept<>(depends, make.get());
        }
        current.put(k, kept);
        return (T) kept.value();
    }

    /** Whether an earlier build in this process filled it (serve's rebuilds); a one-off build starts empty. */
    boolean hasEarlierBuild() {
        return !previous.isEmpty();
    }

    /** Called once a build is done: what it did not ask for (removed models, replaced data) is dropped. */
    void endBuild() {
        previous = current;
        current = newMap();
    }

    private static Map<Object, Kept<Object>> newMap() {
        return Collections.synchronizedMap(new java.util.HashMap<>());
    }

    /** A key that compares the object by identity: parsed manifests and page maps are large, their equals deep. */
    private record IdentityKey(String kind, Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey other && other.kind.equals(kind) && other.key == key;
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + System.identityHashCode(key);
        }
    }
}
