package org.slmhub.site;

import java.nio.file.Path;

/**
 * A digest of a manifest file's bytes, where the caller already has one (the kept checks of a
 * one-off build hash every changed file): a model's keys start from it. Null: unknown, and the
 * build hashes the bound manifest instead.
 */
@FunctionalInterface
public interface ManifestDigests {
    ManifestDigests NONE = file -> null;

    String of(Path file);
}
