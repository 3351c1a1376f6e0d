package org.slmhub.validate;

import java.util.Optional;

/** Maps a license name as a file states it ("apache-2.0") to its SPDX id, where it plainly is one. */
public final class SpdxGuess {
    private SpdxGuess() {
    }

    /** The exact, current SPDX id; empty for anything else (a model license, a URL, a deprecated id). */
    public static Optional<String> of(String license) {
        if (license == null || license.isBlank()) {
            return Optional.empty();
        }
        return SpdxLicenses.get().find(license.strip()).filter(e -> !e.deprecated()).map(SpdxLicenses.Entry::id);
    }
}
