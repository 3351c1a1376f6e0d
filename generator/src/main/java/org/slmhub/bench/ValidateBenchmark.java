package org.slmhub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/** Times levels 1–3 of validation over a synthetic catalog, in this process. */
public final class ValidateBenchmark {
    private ValidateBenchmark() {
    }

    public record Run(int manifests, long errors, long readMillis, long validateMillis) {
        public long totalMillis() {
            return readMillis + validateMillis;
        }
    }

    public static Run once(Path catalog) throws IOException {
        long t0 = System.nanoTime();
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        long t1 = System.nanoTime();
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        long t2 = System.nanoTime();
        return new Run(report.filesChecked(), report.errorCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
