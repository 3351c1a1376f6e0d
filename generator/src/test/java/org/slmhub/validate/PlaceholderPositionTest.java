package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.catalog.SourcePosition;

/** The placeholder rule counts lines and columns as every other finding does: editor lines, characters. */
class PlaceholderPositionTest {
    @TempDir
    Path tmp;

    private List<SourcePosition> positions(String text) throws IOException {
        Path file = Files.writeString(tmp.resolve("model.yaml"), text, StandardCharsets.UTF_8);
        return Placeholder.find(file).stream().map(Finding::position).toList();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneColumn() throws IOException {
        // the emoji is two UTF-16 units but one character: the marker starts at column 9, not 10
        assertEquals(List.of(new SourcePosition(2, 9)), positions("schema: 1\nname: \uD83D\uDE00 " + Placeholder.MARKER + " the name\n"));
    }

    @Test
    void aByteOrderMarkTakesNoColumnAndSeparatorsEndNoLine() throws IOException {
        assertEquals(List.of(new SourcePosition(1, 7)), positions("\uFEFFname: " + Placeholder.MARKER + "\n"));
        assertEquals(List.of(new SourcePosition(2, 9)), positions("a: 1\r\ncard: x\u2029" + Placeholder.MARKER + "\n"));
    }

    @Test
    void theMarkerIsFoundAtEitherEndAndNotWhenCutShort() {
        byte[] marker = Placeholder.MARKER.getBytes(StandardCharsets.UTF_8);
        assertTrue(Placeholder.contains(marker, marker));
        assertTrue(Placeholder.contains(("a: " + Placeholder.MARKER).getBytes(StandardCharsets.UTF_8), marker));
        assertTrue(Placeholder.contains((Placeholder.MARKER + "\nb: 1").getBytes(StandardCharsets.UTF_8), marker));
        String cut = Placeholder.MARKER.substring(0, Placeholder.MARKER.length() - 1);
        assertFalse(Placeholder.contains(("a: " + cut).getBytes(StandardCharsets.UTF_8), marker));
        assertFalse(Placeholder.contains((cut + " " + cut).getBytes(StandardCharsets.UTF_8), marker));
        assertFalse(Placeholder.contains(new byte[0], marker));
    }
}
