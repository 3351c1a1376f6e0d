package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Libraries' log lines, through the same logback classes a command uses, in a context of the test's own. */
class LibraryLoggingTest {
    @Test
    void warningsAndErrorsOnlyOneLineEachWithTheCauseButNoStackTrace() {
        String err = logged(context -> {
            Logger fs = context.getLogger("org.eclipse.jgit.util.FS");
            fs.info("not shown");
            fs.warn("cannot read {}", "config", new IOException("no such file"));
            fs.error("plain");
            Logger engines = context.getLogger("org.jbake.parser.Engines");
            engines.warn("no AsciiDoc engine");
            engines.error("a template failed");
        });
        assertEquals(String.join(System.lineSeparator(),
                "slmhub: WARN o.e.jgit.util.FS: cannot read config (java.io.IOException: no such file)",
                "slmhub: ERROR o.e.jgit.util.FS: plain",
                "slmhub: ERROR o.j.parser.Engines: a template failed", ""), err);
    }

    @Test
    void theQuieterLoggersAreTheConfiguredOnes() {
        LoggerContext context = new LoggerContext();
        new LibraryLogging().configure(context);
        LibraryLogging.QUIETER.forEach((name, level) -> assertEquals(level, context.getLogger(name).getLevel(), name));
        assertEquals(ch.qos.logback.classic.Level.WARN, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }

    private static String logged(java.util.function.Consumer<LoggerContext> log) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's SLF4J provider gives the context it makes
            new LibraryLogging().configure(context);
            log.accept(context);
            context.stop();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
