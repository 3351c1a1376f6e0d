package org.slmhub.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "slmhub",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "An open hub for small language models, kept as data in Git.",
            "Every model is models/<publisher>/<model>/model.yaml; slmhub checks, fetches and publishes them."},
        footer = {"", "Exit codes: 0 ok, 1 problems found, 2 usage or internal error.",
            "Environment: SLMHUB_CACHE (artifact cache), SLMHUB_MIRROR (mirror folders), SLMHUB_DEBUG=1 (stack traces).",
            "Docs: README.md and content/docs/ in the slmhub repository."})
final class SlmhubCommand implements Runnable {
    /** The subcommands, in the order help lists them; {@link Main} adds them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, BuildCommand.class, ServeCommand.class, NewCommand.class,
            CheckCommand.class, SmokeCommand.class, PullCommand.class, RunCommand.class, IndexCommand.class, SearchCommand.class,
            BenchCommand.class, picocli.CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try `slmhub validate` or `slmhub --help`");
    }
}
