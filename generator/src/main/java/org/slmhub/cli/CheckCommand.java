package org.slmhub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.history.ChangedModels;
import org.slmhub.history.HistoryException;
import org.slmhub.smoke.ForkedEngine;
import org.slmhub.smoke.SmokeLimits;
import org.slmhub.smoke.SmokePlan;
import org.slmhub.smoke.SmokeReport;
import org.slmhub.validate.ArtifactCheck;
import org.slmhub.validate.Finding;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Run exactly what pull-request CI runs.",
            "Validate the whole catalog (levels 1-3), then for the models",
            "changed against --base: get and check every artifact (level 4) and run the smoke inference.",
            "Under GitHub Actions (GITHUB_ACTIONS=true) also prints workflow-command annotations at file and line,",
            "and appends a Markdown table to $GITHUB_STEP_SUMMARY. With --shard every shard validates, shard 1 reports it."},
        footer = {"", "Examples:",
            "  slmhub check                                   against origin/main (else main)",
            "  slmhub check --base origin/main --mirror ../shared/fixtures/models",
            "  slmhub check --base origin/main --list-changed  the changed model ids, one a line",
            "", "Exit codes: 0 all passed, 1 a problem was found, 2 usage or internal error."})
final class CheckCommand implements Callable<Integer> {
    /** Tried in order when --base is not given: a CI checkout has the remote branch, a fresh clone may only have main. */
    static final List<String> DEFAULT_BASES = List.of("origin/main", "main");

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalogOption;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--base", paramLabel = "REF", description = "The revision a pull request is compared with (default: origin/main, else main).")
    String base;

    @Mixin
    ShardOption shardOption;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the smoke results as JSON (the format of slmhub smoke --report).")
    Path report;

    @Option(names = "--list-changed", description = "Only print the ids of the models changed against the base, one a line.")
    boolean listChanged;

    /** The process environment; a field so tests can pass their own. */
    private Map<String, String> environment = System.getenv();

    CheckCommand environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = catalogOption.root();
        SmokePlan.Shard split = shardOption.parse();
        Changes changes = changedSince(root);
        if (listChanged) {
            changes.ids().forEach(out::println);
            return ExitCode.OK;
        }
        boolean github = "true".equals(environment.get("GITHUB_ACTIONS"));
        List<CheckRow> rows = new ArrayList<>();

        out.println("== validate: the whole catalog (levels 1-3)");
        CatalogFiles files = CatalogFiles.read(root, List.of());
        ValidationReport validation = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        boolean reportsValidation = split.index() == 1; // every shard validates; one reports, so annotations appear once
        if (reportsValidation) {
            printFindings(validation, github, out);
            rows.addAll(CheckRow.ofValidation(root, validation));
        } else {
            out.println("validation is reported by shard 1/" + split.count());
        }

        out.println("== changed since " + changes.base() + ": " + (changes.ids().isEmpty() ? "no models" : String.join(", ", changes.ids())));
        Set<Path> invalid = validation.findings().stream().filter(Finding::isError).map(Finding::file).collect(Collectors.toSet());
        List<CatalogEntry> mine = split.select(validation.entries().stream()
                .filter(e -> changes.ids().contains(e.manifest().id()) && !invalid.contains(e.file()))
                .sorted(Comparator.comparing(e -> e.manifest().id())).toList());
        ArtifactStore store = storeOptions.open();
        ChangedModelChecks checks = new ChangedModelChecks(new ArtifactCheck(store), new SmokeModel(store, new ForkedEngine(), SmokeLimits.DEFAULT, false));
        ChangedModelChecks.Outcome outcome = checks.run(mine, out, Instant.now());
        printFindings(new ValidationReport(mine.size(), outcome.findings(), mine), github, out);
        if (github) {
            outcome.smokeFailures().forEach(f -> out.println(SmokeAnnotation.of(f.entry(), f.result())));
        }
        rows.addAll(outcome.rows());

        if (report != null) {
            SmokeReport.write(report, outcome.results());
            out.println("smoke report written to " + report);
        }
        appendStepSummary(rows, changes.base(), split);
        long failed = rows.stream().filter(CheckRow::failed).count();
        out.printf("check %s: %d changed model%s checked, %d problem%s%n", failed == 0 ? "passed" : "failed",
                mine.size(), mine.size() == 1 ? "" : "s", failed, failed == 1 ? "" : "s");
        return failed == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private record Changes(String base, Set<String> ids) {
    }

    private Changes changedSince(Path root) {
        List<String> candidates = base != null ? List.of(base) : DEFAULT_BASES;
        HistoryException last = null;
        for (String candidate : candidates) {
            try {
                return new Changes(candidate, ChangedModels.since(root, candidate));
            } catch (HistoryException e) {
                last = e;
            }
        }
        throw new UsageException(last.getMessage());
    }

    private static void printFindings(ValidationReport report, boolean github, PrintWriter out) {
        FindingsPrinter printer = new FindingsPrinter();
        printer.print(report, FindingsPrinter.Format.human, out);
        if (github && !report.findings().isEmpty()) {
            printer.print(report, FindingsPrinter.Format.github, out);
        }
    }

    private void appendStepSummary(List<CheckRow> rows, String against, SmokePlan.Shard split) throws IOException {
        String target = environment.get("GITHUB_STEP_SUMMARY");
        if (target == null || target.isBlank()) {
            return;
        }
        String title = "slmhub check against " + against + (split.count() > 1 ? " (shard " + split.index() + "/" + split.count() + ")" : "");
        Files.writeString(Path.of(target), CheckRow.markdown(title, rows), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
