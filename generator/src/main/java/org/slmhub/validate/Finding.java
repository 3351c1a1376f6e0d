package org.slmhub.validate;

import java.nio.file.Path;
import java.util.Comparator;
import org.slmhub.catalog.SourcePosition;

/** One problem at one place in one manifest. */
public record Finding(Path file, SourcePosition position, Severity severity, Rule rule, String message, String hint) {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.file().toString())
            .thenComparingInt(f -> f.position().line())
            .thenComparingInt(f -> f.position().column())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message); // the same order on every run, also for findings at one place

    public static Finding error(Path file, SourcePosition at, Rule rule, String message, String hint) {
        return new Finding(file, at, Severity.ERROR, rule, message, hint);
    }

    /** A path as a person wants to read it: relative to the working folder when under it. */
    public static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
