package org.slmhub.site;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One HTML file the generator renders: its path under the output folder, the Freemarker template,
 * and the data the template gets (plain maps, lists and strings). A model page's data is made only
 * when it is rendered or indexed: its {@link #key} says whether it changed without making it.
 */
public final class Page {
    private final String path;
    private final String template;
    private final Supplier<Map<String, Object>> make;
    private volatile String key;
    private volatile Map<String, Object> data;

    /** A page whose key is its data's fingerprint (rows in it count by their own keys, see {@link Keyed}). */
    public Page(String path, String template, Map<String, Object> data) {
        this.path = path;
        this.template = template;
        this.data = data;
        this.make = () -> data;
    }

    /** A page whose data is made on demand; {@code key} must change whenever that data would. */
    Page(String path, String template, String key, Supplier<Map<String, Object>> make) {
        this.path = path;
        this.template = template;
        this.key = key;
        this.make = make;
    }

    public String path() {
        return path;
    }

    public String template() {
        return template;
    }

    public Map<String, Object> data() {
        Map<String, Object> d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = make.get();
                    data = d;
                }
            }
        }
        return d;
    }

    /** What the page shows, as a short text: equal keys, equal pages (for the same templates). */
    String key() {
        String k = key;
        if (k == null) {
            k = BuildState.fingerprint(data());
            key = k;
        }
        return k;
    }

    @Override
    public String toString() {
        return "Page[" + path + ", " + template + "]";
    }
}
