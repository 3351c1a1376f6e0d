package org.slmhub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slmhub.validate.Finding;
import org.slmhub.validate.ValidationReport;

/** Prints findings for people (with the source line), as JSON, or as GitHub workflow commands. */
final class FindingsPrinter {
    enum Format { human, json, github }

    private final Map<Path, List<String>> sourceLines = new HashMap<>();

    void print(ValidationReport report, Format format, PrintWriter out) {
        switch (format) {
            case human -> human(report, out);
            case json -> json(report, out);
            case github -> github(report, out);
        }
        out.flush();
    }

    private void human(ValidationReport report, PrintWriter out) {
        for (Finding f : report.findings()) {
            out.printf("%s:%d:%d: %s[%s]: %s%n", Finding.display(f.file()), f.position().line(), f.position().column(),
                    f.severity().label(), f.rule().id(), f.message());
            excerpt(f, out);
            out.println("  = hint: " + f.hint());
            out.println("  = docs: " + f.rule().docLink());
        }
        out.println(summary(report));
    }

    /** The offending line with a caret under the column, as compilers show it. */
    private void excerpt(Finding f, PrintWriter out) {
        List<String> lines = sourceLines.computeIfAbsent(f.file(), FindingsPrinter::readLines);
        int line = f.position().line();
        if (line < 1 || line > lines.size()) {
            return;
        }
        String number = String.valueOf(line);
        String pad = " ".repeat(number.length());
        String text = lines.get(line - 1).replace('\t', ' ');
        out.println(" " + pad + " |");
        out.println(" " + number + " | " + text);
        out.println(" " + pad + " | " + " ".repeat(Math.max(0, Math.min(f.position().column() - 1, text.length()))) + "^");
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of(); // the finding itself already says why the file is unreadable
        }
    }

    static String summary(ValidationReport report) {
        String files = report.filesChecked() + (report.filesChecked() == 1 ? " manifest" : " manifests");
        if (report.findings().isEmpty()) {
            return "checked " + files + ": no problems";
        }
        return "checked " + files + ": " + count(report.errorCount(), "error") + ", " + count(report.warningCount(), "warning");
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static void json(ValidationReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("files", report.filesChecked());
        root.put("errors", report.errorCount());
        root.put("warnings", report.warningCount());
        ArrayNode list = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = list.addObject();
            n.put("file", Finding.display(f.file()));
            n.put("line", f.position().line());
            n.put("column", f.position().column());
            n.put("severity", f.severity().label());
            n.put("rule", f.rule().id());
            n.put("message", f.message());
            n.put("hint", f.hint());
            n.put("docs", f.rule().docLink());
        }
        out.println(root.toPrettyString());
    }

    /** https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
    private static void github(ValidationReport report, PrintWriter out) {
        for (Finding f : report.findings()) {
            out.printf("::%s file=%s,line=%d,col=%d,title=%s::%s%n", f.severity().label(),
                    property(Finding.display(f.file())), f.position().line(), f.position().column(), property(f.rule().id()),
                    data(f.message() + "\nhint: " + f.hint() + "\ndocs: " + f.rule().docLink()));
        }
        out.println(summary(report));
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
