package org.slmhub.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A manifest that passed the schema and bound to its record, with its source positions. An entry
 * taken from a build's kept checks has no positions until a finding asks for one: then its file is
 * parsed again (a build that finds nothing parses no unchanged file).
 */
public final class CatalogEntry {
    private final Path file;
    private final ModelManifest manifest;
    private volatile LocatedYaml yaml;

    public CatalogEntry(Path file, LocatedYaml yaml, ModelManifest manifest) {
        this.file = Objects.requireNonNull(file);
        this.yaml = Objects.requireNonNull(yaml);
        this.manifest = Objects.requireNonNull(manifest);
    }

    private CatalogEntry(Path file, ModelManifest manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    /** An entry whose positions are read from {@code file} when first needed. */
    public static CatalogEntry positionsOnDemand(Path file, ModelManifest manifest) {
        return new CatalogEntry(Objects.requireNonNull(file), Objects.requireNonNull(manifest));
    }

    public Path file() {
        return file;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The parsed YAML and its positions; for an entry made on demand, parsed now (no positions if it no longer parses). */
    public LocatedYaml yaml() {
        LocatedYaml y = yaml;
        if (y == null) {
            ManifestFile parsed = ManifestFile.read(file);
            y = parsed.parsed() ? parsed.yaml() : new LocatedYaml(ManifestBinder.mapper().valueToTree(manifest), Map.of(), Map.of());
            yaml = y;
        }
        return y;
    }

    /** Where a field of this manifest is written, for findings about it. */
    public SourcePosition at(String pointer) {
        return yaml().valuePosition(pointer);
    }

    @Override
    public String toString() {
        return "CatalogEntry[" + file + ", " + manifest.id() + "]";
    }
}
