package org.slmhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slmhub.catalog.CatalogLayout;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check manifests: YAML syntax, the JSON Schema, and the catalog rules (levels 1-3).",
            "With --artifacts also get each file and check its size, sha256 and GGUF header (level 4).",
            "Every problem is collected and printed as path:line:col: error[rule]: message; then the command fails once."},
        footer = {"", "Examples:",
            "  slmhub validate                              the whole catalog (models/)",
            "  slmhub validate models/qwen                  one publisher, checked against the whole catalog",
            "  slmhub validate --artifacts --mirror ../shared/fixtures/models models/ggml-org/stories260k",
            "", "Exit codes: 0 no errors, 1 problems found, 2 usage or internal error."})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalogOption;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Manifests or folders to check (default: the whole catalog). Cross-manifest rules still see the whole catalog.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). github prints workflow-command annotations.")
    FindingsPrinter.Format format;

    @Override
    public Integer call() {
        Path root = catalogOption.root();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException("no such file or folder: " + p);
            }
        }
        List<Path> selected = paths.isEmpty() ? List.of() : CatalogLayout.manifests(paths);
        if (!paths.isEmpty() && selected.isEmpty()) {
            throw new UsageException("no " + CatalogLayout.MANIFEST_NAME + " found under " + paths);
        }
        CatalogFiles files = CatalogFiles.read(root, selected);
        ValidationReport report = new Validator().validate(files.manifests(), selected, files.misplaced());
        new FindingsPrinter().print(report, format, spec.commandLine().getOut());
        return report.passed() ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
