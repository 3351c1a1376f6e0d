package org.slmhub.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;

/**
 * How the libraries slmhub uses (JGit, JBake, Lucene, DJL, ...) log: warnings and errors only, one
 * line each on stderr ({@code slmhub: WARN o.e.j.u.FS: message}); slmhub itself prints through its
 * commands. Logback finds this class as a service (META-INF/services). It is set up in code, not in
 * a logback.xml: reading that XML took 130-186 ms at the start of every command that logs.
 */
public final class LibraryLogging extends ContextAwareBase implements Configurator {
    /** Loggers that warn about what is no problem for slmhub. */
    static final Map<String, Level> QUIETER = Map.of(
            // JBake: no AsciiDoc engine (slmhub's content is Markdown only), a source without an assets folder
            "org.jbake.parser.Engines", Level.ERROR,
            "org.jbake.app.configuration.JBakeConfigurationInspector", Level.ERROR,
            // DJL's tokenizers look for CUDA, which slmhub never uses
            "ai.djl.util.cuda.CudaUtils", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // logback's own status lines (its start, a slow console) are not the user's business
        context.getStatusManager().add(new NopStatusListener());
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        OneLine layout = new OneLine();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code slmhub: LEVEL logger: message}, and the cause's class and message where there is one: never a stack trace. */
    static final class OneLine extends LayoutBase<ILoggingEvent> {
        private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(20);

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128).append("slmhub: ").append(event.getLevel()).append(' ')
                    .append(abbreviator.abbreviate(event.getLoggerName())).append(": ").append(event.getFormattedMessage());
            IThrowableProxy cause = event.getThrowableProxy();
            if (cause != null) {
                line.append(" (").append(cause.getClassName()).append(cause.getMessage() == null ? "" : ": " + cause.getMessage()).append(')');
            }
            return line.append(System.lineSeparator()).toString();
        }
    }
}
