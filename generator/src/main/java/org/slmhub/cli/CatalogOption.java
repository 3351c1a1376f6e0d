package org.slmhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --catalog DIR}, shared by every command that reads the whole catalog. */
final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "DIR", defaultValue = "models",
            description = "The catalog folder (default: ${DEFAULT-VALUE} under the current folder).")
    Path catalog;

    /** The catalog folder, which must exist. */
    Path root() {
        if (!Files.isDirectory(catalog)) {
            throw new UsageException("catalog folder " + catalog + " not found (run from a checkout, or pass --catalog DIR)");
        }
        return catalog.toAbsolutePath().normalize();
    }
}
