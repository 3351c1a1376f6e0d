package org.slmhub.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slmhub.catalog.ManifestScaffold;
import org.slmhub.catalog.SourcePosition;

/**
 * The {@code placeholder} rule: text that {@code slmhub new} left for the contributor to write.
 * The file's lines are searched, not the YAML tree, so a placeholder inside the card or in a
 * comment is reported at its own line and column.
 */
final class Placeholder {
    static final String MARKER = ManifestScaffold.PLACEHOLDER;
    private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.UTF_8);

    private Placeholder() {
    }

    static List<Finding> find(Path manifest) {
        List<String> lines;
        try {
            byte[] bytes = Files.readAllBytes(manifest);
            if (!contains(bytes, MARKER_BYTES)) {
                return List.of(); // nearly every manifest: no need to decode and split its lines
            }
            lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // the file parsed a moment ago; if it vanished, there is nothing left to fill
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf(MARKER);
            if (at >= 0) {
                // columns count characters (code points), as the YAML reader's do; a byte-order mark takes none
                int column = (int) line.substring(0, at).codePoints().filter(c -> c != '\uFEFF').count() + 1;
                out.add(Finding.error(manifest, new SourcePosition(i + 1, column), Rule.PLACEHOLDER,
                        Rule.PLACEHOLDER.message(what(line.substring(line.lastIndexOf(MARKER) + MARKER.length()))), Rule.PLACEHOLDER.hint()));
            }
        }
        return out;
    }

    /** Whether {@code part} occurs in {@code text}: a tight scan for its first byte (rare in manifests), then a comparison. */
    static boolean contains(byte[] text, byte[] part) {
        byte first = part[0];
        int last = text.length - part.length;
        for (int i = 0; i <= last; i++) {
            if (text[i] == first && Arrays.equals(text, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    /** What the last marker on the line asks for: {@code : one line on what it is for"} → {@code one line on what it is for}. */
    private static String what(String rest) {
        String s = rest.startsWith(":") ? rest.substring(1) : rest;
        s = s.strip();
        if (s.endsWith("\"") || s.endsWith("'")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.isEmpty() ? "fill in the real value" : s;
    }
}
