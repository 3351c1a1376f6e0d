package org.slmhub.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelRef;
import org.slmhub.registry.RegistryException;
import org.slmhub.registry.SiteRegistry;
import picocli.CommandLine.Option;

/**
 * Where {@code pull} and {@code run} find a model's manifest: a catalog folder (a checkout), or the
 * registry of a published site for users without one.
 */
final class ModelSourceOptions {
    static final String DEFAULT_CATALOG = "models";

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "The catalog folder (default: " + DEFAULT_CATALOG + " under the current folder).")
    Path catalog;

    @Option(names = "--registry", paramLabel = "URL|DIR", defaultValue = "${env:SLMHUB_REGISTRY}",
            description = "A published slmhub site (its https base URL) or a built site folder: the model's manifest comes from its"
                    + " api/models/<id>.json, is checked like a catalog file and kept in the cache (--offline uses the kept copy)."
                    + " Also SLMHUB_REGISTRY; --catalog overrides it.")
    String registry;

    /** The entries to choose {@code reference} from, or null after printing why there are none. */
    List<CatalogEntry> entriesFor(String reference, StoreOptions store, PrintWriter err) {
        if (catalog != null || registry == null || registry.isBlank()) {
            return ValidCatalog.load(catalogRoot(), err);
        }
        SiteRegistry site;
        try {
            site = store.registry(registry);
        } catch (RegistryException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            SiteRegistry.Loaded loaded = site.load(ModelRef.parse(reference).id());
            if (loaded.note() != null) {
                err.println("slmhub: warning: " + loaded.note());
            }
            if (!loaded.report().passed()) {
                err.println("slmhub: the manifest from " + site.name() + " has problems; nothing in it is used:");
                new FindingsPrinter().print(loaded.report(), FindingsPrinter.Format.human, err);
                return null;
            }
            return loaded.report().entries();
        } catch (RegistryException e) {
            err.println("slmhub: error: " + e.getMessage());
            return null;
        }
    }

    private Path catalogRoot() {
        Path root = catalog != null ? catalog : Path.of(DEFAULT_CATALOG);
        if (!Files.isDirectory(root)) {
            throw new UsageException("catalog folder " + root + " not found: run from a checkout, pass --catalog DIR,"
                    + " or name a published site with --registry URL");
        }
        return root.toAbsolutePath().normalize();
    }
}
