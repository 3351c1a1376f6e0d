package org.slmhub.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/**
 * The catalog as commands other than validate need it: every manifest passing levels 1-3. A
 * command never works from a manifest that fails validation; it prints the findings instead.
 */
final class ValidCatalog {
    private ValidCatalog() {
    }

    /** The valid entries, or null after printing why the catalog is not valid. */
    static List<CatalogEntry> load(Path root, PrintWriter err) {
        CatalogFiles files = CatalogFiles.read(root, List.of());
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        if (!report.passed()) {
            err.println("slmhub: the catalog has problems; fix them first (slmhub validate shows the same):");
            new FindingsPrinter().print(report, FindingsPrinter.Format.human, err);
            return null;
        }
        return report.entries();
    }
}
