package org.slmhub.validate;

import java.util.List;
import org.slmhub.catalog.CatalogEntry;

/** What validation found, and the manifests that bound cleanly enough to check further. */
public record ValidationReport(int filesChecked, List<Finding> findings, List<CatalogEntry> entries) {

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return findings.size() - errorCount();
    }

    public boolean passed() {
        return errorCount() == 0;
    }
}
