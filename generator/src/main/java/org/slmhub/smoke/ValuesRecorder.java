package org.slmhub.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slmhub.catalog.LocatedYaml;
import org.slmhub.catalog.SourcePosition;
import org.slmhub.smoke.ExpectRecorder.RecordException;

/**
 * Writes an embedding model's recorded values into its manifest as {@code smoke.values}, the way
 * {@link ExpectRecorder} writes a text model's {@code smoke.expect}: in place, keeping comments and
 * layout, and only when the result differs from the original in that field alone.
 */
public final class ValuesRecorder {
    private ValuesRecorder() {
    }

    public static void record(Path manifest, String sentence, List<Double> first, double tolerance) throws IOException, RecordException {
        TextFileReplacement.replace(manifest, withValues(Files.readString(manifest, StandardCharsets.UTF_8), sentence, first, tolerance));
    }

    /** The manifest text with {@code smoke.values} set; the smoke block must be in block style with its {@code closer} list. */
    public static String withValues(String yaml, String sentence, List<Double> first, double tolerance) throws RecordException {
        LocatedYaml before = ExpectRecorder.parse(yaml);
        SourcePosition smokeKey = before.keys().get("/smoke");
        SourcePosition closerKey = before.keys().get("/smoke/closer");
        if (smokeKey == null || closerKey == null || before.valuePosition("/smoke").line() == smokeKey.line()) {
            throw new RecordException("the manifest has no smoke block with `closer` written in block style to record into");
        }
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int childIndent = closerKey.column() - 1;
        String pad = " ".repeat(childIndent);
        List<String> block = List.of(pad + "values:", pad + "  sentence: " + ExpectRecorder.quote(sentence),
                pad + "  first: [" + first.stream().map(ValuesRecorder::number).collect(Collectors.joining(", ")) + "]",
                pad + "  tolerance: " + number(tolerance));
        SourcePosition valuesKey = before.keys().get("/smoke/values");
        if (valuesKey != null) {
            ExpectRecorder.replace(lines, valuesKey.line() - 1, ExpectRecorder.blockEnd(lines, valuesKey.line() - 1, valuesKey.column() - 1), block);
        } else {
            lines.addAll(ExpectRecorder.blockEnd(lines, smokeKey.line() - 1, smokeKey.column() - 1) + 1, block);
        }
        String updated = String.join("\n", lines);
        verify(before, ExpectRecorder.parse(updated), sentence, first, tolerance);
        return updated;
    }

    /** Plain decimal notation: YAML reads {@code 1.0E-4} as a string. */
    static String number(double value) {
        String text = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    private static void verify(LocatedYaml before, LocatedYaml after, String sentence, List<Double> first, double tolerance) throws RecordException {
        ObjectNode expected = before.tree().deepCopy();
        ObjectNode got = after.tree().deepCopy();
        ((ObjectNode) expected.get("smoke")).remove("values");
        JsonNode values = ((ObjectNode) got.get("smoke")).remove("values");
        boolean same = expected.equals(got) && values != null && values.path("sentence").asText("").equals(sentence)
                && values.path("first").size() == first.size() && values.path("tolerance").asDouble(-1) == tolerance;
        for (int i = 0; same && i < first.size(); i++) {
            same = values.path("first").get(i).asDouble() == first.get(i);
        }
        if (!same) {
            throw new RecordException("recording would change more than smoke.values; edit the manifest by hand");
        }
    }
}
