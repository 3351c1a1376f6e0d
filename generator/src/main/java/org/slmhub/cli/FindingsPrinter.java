package org.slmhub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slmhub.validate.Finding;
import org.slmhub.validate.ValidationReport;

/** Prints findings for people (with the source line), as JSON, or as GitHub workflow commands. */
final class FindingsPrinter {
    enum Format { human, json, github }

    /** The widest excerpt of a source line, in characters. */
    static final int EXCERPT_WIDTH = 100;
    /** Manifests are at most 4 MiB: more is never needed to show a line. */
    private static final int EXCERPT_SOURCE_LIMIT = 4 * 1024 * 1024;

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
            out.printf("%s:%d:%d: %s[%s]: %s%n", printable(Finding.display(f.file())), f.position().line(), f.position().column(),
                    f.severity().label(), f.rule().id(), printable(f.message()));
            excerpt(f, out);
            out.println("  = hint: " + printable(f.hint()));
            out.println("  = docs: " + f.rule().docLink());
        }
        out.println(summary(report));
    }

    /** The offending line with a caret under the column, as compilers show it; a long line only around the column. */
    private void excerpt(Finding f, PrintWriter out) {
        List<String> lines = sourceLines.computeIfAbsent(f.file(), FindingsPrinter::readLines);
        int line = f.position().line();
        if (line < 1 || line > lines.size()) {
            return;
        }
        String number = String.valueOf(line);
        String pad = " ".repeat(number.length());
        String text = lines.get(line - 1);
        int caret = Math.max(0, Math.min(f.position().column() - 1, text.length()));
        int from = Math.max(0, Math.min(caret - EXCERPT_WIDTH / 2, text.length() - EXCERPT_WIDTH));
        int to = Math.min(text.length(), from + EXCERPT_WIDTH);
        String shown = (from > 0 ? "..." : "") + visible(text.substring(from, to)) + (to < text.length() ? "..." : "");
        out.println(" " + pad + " |");
        out.println(" " + number + " | " + shown);
        out.println(" " + pad + " | " + " ".repeat(caret - from + (from > 0 ? 3 : 0)) + "^");
    }

    /**
     * The file's lines for excerpts: only from a plain file (a link may point anywhere, a device
     * never ends), at most as much as a manifest may hold, split where YAML ends lines.
     */
    private static List<String> readLines(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(); // the finding itself says what the path is
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(EXCERPT_SOURCE_LIMIT);
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
                return List.of(); // UTF-16: read as UTF-8 it would print as noise
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return List.of((text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|[\n\r\u0085\u2028\u2029]", -1));
        } catch (IOException | RuntimeException e) {
            return List.of(); // the finding itself already says why the file is unreadable
        }
    }

    /** One character for one: tabs as spaces and control characters as '?', so the caret stays under its column. */
    private static String visible(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            sb.append(c == '\t' ? ' ' : invisible(c) ? '?' : c);
        }
        return sb.toString();
    }

    /**
     * Text from a manifest (a key, a link target, a folder name) as it may be printed: control
     * characters escaped, so a file can neither drive the terminal nor forge a finding line.
     */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (invisible(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Control characters, line separators and the bidirectional overrides that reorder what a reader sees. */
    private static boolean invisible(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
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
                    property(printable(Finding.display(f.file()))), f.position().line(), f.position().column(), property(f.rule().id()),
                    data(printable(f.message()) + "\nhint: " + printable(f.hint()) + "\ndocs: " + f.rule().docLink()));
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
