package org.slmhub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slmhub.catalog.CatalogLayout;
import org.slmhub.validate.Finding;
import org.slmhub.validate.ValidationReport;

/**
 * One line of what {@code slmhub check} did: which model, which check, how it went, why, and for
 * smoke runs the speed. The step summary is a table of these.
 *
 * @param tokensPerSecond null where the check ran no model
 */
record CheckRow(String model, String check, String result, String reason, Double tokensPerSecond) {

    boolean failed() {
        return !result.equals("passed") && !result.equals("skipped");
    }

    /** One row per manifest with errors, or one for the whole catalog when it is clean. */
    static List<CheckRow> ofValidation(Path root, ValidationReport report) {
        Map<Path, List<Finding>> byFile = report.findings().stream().filter(Finding::isError)
                .collect(Collectors.groupingBy(Finding::file, TreeMap::new, Collectors.toList()));
        if (byFile.isEmpty()) {
            return List.of(new CheckRow("(catalog)", "validate", "passed", report.filesChecked() + " manifests", null));
        }
        List<CheckRow> rows = new ArrayList<>();
        byFile.forEach((file, findings) -> rows.add(new CheckRow(modelOf(root, file), "validate", "error",
                String.join("; ", findings.stream().map(f -> f.rule().id() + " at line " + f.position().line() + ": " + f.message()).toList()), null)));
        return rows;
    }

    /** The model id for a manifest in its place, else the path (a misplaced file has no id). */
    private static String modelOf(Path root, Path file) {
        String id = CatalogLayout.expectedId(file);
        return file.startsWith(root) && root.relativize(file).getNameCount() == 3 ? id : Finding.display(file);
    }

    /** The Markdown table GitHub shows on the run's summary page. */
    static String markdown(String title, List<CheckRow> rows) {
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
        md.append("| model | check | result | reason | tokens/s |\n| --- | --- | --- | --- | ---: |\n");
        for (CheckRow r : rows) {
            String mark = r.failed() ? "❌ " : r.result().equals("passed") ? "✅ " : "";
            md.append("| ").append(cell(r.model())).append(" | ").append(r.check()).append(" | ").append(mark).append(cell(r.result()))
                    .append(" | ").append(cell(r.reason())).append(" | ")
                    .append(r.tokensPerSecond() == null ? "" : String.format(Locale.ROOT, "%.1f", r.tokensPerSecond())).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** A table cell holds one line, and a pipe would end the cell. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
