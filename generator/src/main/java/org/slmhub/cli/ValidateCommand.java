package org.slmhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slmhub.catalog.CatalogLayout;
import java.util.Set;
import java.util.stream.Collectors;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.validate.ArtifactCheck;
import org.slmhub.validate.Finding;
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

    @Option(names = "--artifacts",
            description = "Also check each artifact file (level 4): size, sha256 and GGUF header against the manifest.")
    boolean artifacts;

    @Mixin
    StoreOptions storeOptions;

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
        if (artifacts) {
            report = withArtifactFindings(report);
        }
        new FindingsPrinter().print(report, format, spec.commandLine().getOut());
        return report.passed() ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /** Level 4 runs only on manifests that passed levels 1-3: a broken manifest has no trustworthy facts. */
    private ValidationReport withArtifactFindings(ValidationReport report) {
        ArtifactCheck check = new ArtifactCheck(storeOptions.open());
        Set<Path> failed = report.findings().stream().filter(Finding::isError).map(Finding::file).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>(report.findings());
        for (CatalogEntry entry : report.entries()) {
            if (!failed.contains(entry.file())) {
                findings.addAll(check.check(entry));
            }
        }
        findings.sort(Finding.ORDER);
        return new ValidationReport(report.filesChecked(), findings, report.entries());
    }
}
