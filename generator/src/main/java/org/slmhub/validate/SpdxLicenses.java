package org.slmhub.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SPDX license list shipped in the jar (never fetched), see spdx/README.md. */
final class SpdxLicenses {
    private static final String RESOURCE = "/spdx/licenses.txt";
    /** SPDX gives no successor for deprecated ids; these are the ones a model card plausibly uses. */
    private static final Map<String, String> SUCCESSORS = Map.of(
            "GPL-2.0", "GPL-2.0-only", "GPL-3.0", "GPL-3.0-only", "LGPL-2.1", "LGPL-2.1-only",
            "LGPL-3.0", "LGPL-3.0-only", "AGPL-3.0", "AGPL-3.0-only", "GPL-2.0+", "GPL-2.0-or-later",
            "GPL-3.0+", "GPL-3.0-or-later");
    private static final SpdxLicenses INSTANCE = load();

    /** Lower-cased id → (exact id, deprecated). */
    private final Map<String, Entry> byLowerId;

    private SpdxLicenses(Map<String, Entry> byLowerId) {
        this.byLowerId = byLowerId;
    }

    static SpdxLicenses get() {
        return INSTANCE;
    }

    record Entry(String id, boolean deprecated) {
        Optional<String> successor() {
            return Optional.ofNullable(SUCCESSORS.get(id));
        }
    }

    /** Looks an id up ignoring case, so "apache-2.0" can be told its exact spelling. */
    Optional<Entry> find(String id) {
        return Optional.ofNullable(byLowerId.get(id.toLowerCase(Locale.ROOT)));
    }

    private static SpdxLicenses load() {
        Map<String, Entry> entries = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SpdxLicenses.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                entries.put(parts[0].toLowerCase(Locale.ROOT), new Entry(parts[0], parts.length > 1 && parts[1].equals("true")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SPDX list " + RESOURCE, e);
        }
        return new SpdxLicenses(entries);
    }
}
