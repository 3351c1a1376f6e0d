package org.slmhub.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slmhub.catalog.LocatedYaml;
import org.slmhub.catalog.LocatedYamlParser;
import org.slmhub.catalog.SourcePosition;
import org.slmhub.catalog.YamlSyntaxException;

/**
 * Writes a recorded greedy continuation into a manifest as {@code smoke.expect.exact}, editing the
 * text in place so comments, order and layout survive: only the lines of the smoke block's
 * {@code expect} change (or are added). The result is parsed again and must differ from the
 * original only in that field before it replaces the file.
 */
public final class ExpectRecorder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectRecorder() {
    }

    public static void record(Path manifest, String text) throws IOException, RecordException {
        String original = Files.readString(manifest, StandardCharsets.UTF_8);
        TextFileReplacement.replace(manifest, withExpect(original, text));
    }

    /** The manifest text with {@code smoke.expect} set to {@code {exact: text}}. */
    public static String withExpect(String yaml, String text) throws RecordException {
        LocatedYaml before = parse(yaml);
        SourcePosition smokeKey = before.keys().get("/smoke");
        if (smokeKey == null || !before.tree().path("smoke").isObject()) {
            throw new RecordException("the manifest has no smoke block to record into");
        }
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int smokeIndent = smokeKey.column() - 1;
        int smokeEnd = blockEnd(lines, smokeKey.line() - 1, smokeIndent);
        SourcePosition promptKey = before.keys().get("/smoke/prompt");
        boolean flow = before.valuePosition("/smoke").line() == smokeKey.line();
        if (flow || promptKey == null) {
            // A flow mapping ({prompt: ..., max_tokens: ...}) is rewritten as a block with the same values.
            JsonNode smoke = before.tree().get("smoke");
            String pad = " ".repeat(smokeIndent);
            List<String> block = new ArrayList<>();
            block.add(pad + "smoke:");
            block.add(pad + "  prompt: " + quote(smoke.path("prompt").asText()));
            block.add(pad + "  max_tokens: " + smoke.path("max_tokens").asInt());
            block.addAll(expectLines(smokeIndent + 2, text));
            replace(lines, smokeKey.line() - 1, smokeEnd, block);
        } else {
            int childIndent = promptKey.column() - 1;
            SourcePosition expectKey = before.keys().get("/smoke/expect");
            if (expectKey != null) {
                replace(lines, expectKey.line() - 1, blockEnd(lines, expectKey.line() - 1, expectKey.column() - 1), expectLines(childIndent, text));
            } else {
                lines.addAll(smokeEnd + 1, expectLines(childIndent, text));
            }
        }
        String updated = String.join("\n", lines);
        verify(before, parse(updated), text);
        return updated;
    }

    /** Index of the last line belonging to the block whose key is on {@code keyLine}. */
    static int blockEnd(List<String> lines, int keyLine, int keyIndent) {
        int end = keyLine;
        for (int i = keyLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue; // blank lines and comments belong to whatever follows them
            }
            if (indent(line) <= keyIndent) {
                break;
            }
            end = i;
        }
        return end;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    static void replace(List<String> lines, int from, int to, List<String> with) {
        lines.subList(from, to + 1).clear();
        lines.addAll(from, with);
    }

    private static List<String> expectLines(int indent, String text) {
        String pad = " ".repeat(indent);
        return List.of(pad + "expect:", pad + "  exact: " + quote(text));
    }

    /** A JSON string is a valid YAML double-quoted scalar, with every character escaped safely. */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void verify(LocatedYaml before, LocatedYaml after, String text) throws RecordException {
        ObjectNode expected = before.tree().deepCopy();
        ((ObjectNode) expected.get("smoke")).set("expect", JSON.createObjectNode().put("exact", text));
        if (!expected.equals(after.tree())) {
            throw new RecordException("recording would change more than smoke.expect; edit the manifest by hand");
        }
    }

    static LocatedYaml parse(String yaml) throws RecordException {
        try {
            return new LocatedYamlParser().parse(yaml);
        } catch (YamlSyntaxException e) {
            throw new RecordException("cannot parse the manifest at " + e.position() + ": " + e.getMessage());
        }
    }

    /** Recording was refused; the manifest is unchanged. */
    public static final class RecordException extends Exception {
        public RecordException(String message) {
            super(message);
        }
    }
}
