package org.slmhub.catalog;

import java.nio.file.Path;

/** A manifest that passed the schema and bound to its record, with its source positions. */
public record CatalogEntry(Path file, LocatedYaml yaml, ModelManifest manifest) {

    /** Where a field of this manifest is written, for findings about it. */
    public SourcePosition at(String pointer) {
        return yaml.valuePosition(pointer);
    }
}
