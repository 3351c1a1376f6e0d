package org.slmhub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocatedYamlParserTest {
    private final LocatedYamlParser parser = new LocatedYamlParser();

    @Test
    void recordsLineAndColumnOfKeysAndValues() throws YamlSyntaxException {
        LocatedYaml yaml = parser.parse("# comment\nid: a/b\nartifacts:\n  - file: x.gguf\n    size: 12\n");
        assertEquals(new SourcePosition(2, 1), yaml.keyPosition("/id"));
        assertEquals(new SourcePosition(2, 5), yaml.valuePosition("/id"));
        assertEquals(new SourcePosition(4, 5), yaml.keyPosition("/artifacts/0/file"));
        assertEquals(new SourcePosition(5, 11), yaml.valuePosition("/artifacts/0/size"));
        // A pointer that does not exist falls back to its nearest existing parent.
        assertEquals(new SourcePosition(4, 5), yaml.valuePosition("/artifacts/0/sha256"));
    }

    @Test
    void countsLinesAsEditorsDoNotAtYaml11OnlyBreaks() throws YamlSyntaxException {
        // YAML 1.1 (SnakeYAML) also breaks lines at U+2028 and U+2029 (and U+0085, a control
        // character manifests may not hold); editors do not
        LocatedYaml yaml = parser.parse("a: 'p\u2028q'\nid: a/b\nb: [x,\u2029z]\nc: \"\u2028\u2028\"\nd: 1\n");
        assertEquals(new SourcePosition(2, 1), yaml.keyPosition("/id"));
        assertEquals(new SourcePosition(3, 8), yaml.valuePosition("/b/1"));
        assertEquals(new SourcePosition(4, 4), yaml.valuePosition("/c"));
        assertEquals(new SourcePosition(5, 1), yaml.keyPosition("/d"));
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> parser.parse("a: 1\u2028\nb: [x\nc: 2\n"));
        assertEquals(new SourcePosition(3, 2), e.position());
        // \r alone ends a line, as \n does; a quote left open is reported where it opens
        YamlSyntaxException open = assertThrows(YamlSyntaxException.class, () -> parser.parse("a: 1\rb: 'x\r"));
        assertEquals(new SourcePosition(2, 4), open.position());
        assertEquals(open.position(), assertThrows(YamlSyntaxException.class, () -> parser.parse("a: 1\rb: 'x\n")).position());
    }

    @Test
    void mapsYamlScalarsToJsonTypes() throws YamlSyntaxException {
        LocatedYaml yaml = parser.parse("a: 12\nb: 1.5\nc: true\nd: null\ne: '12'\nf: 123456789012345678901234567890\n");
        assertTrue(yaml.tree().get("a").isIntegralNumber());
        assertTrue(yaml.tree().get("b").isDouble());
        assertTrue(yaml.tree().get("c").isBoolean());
        assertTrue(yaml.tree().get("d").isNull());
        assertTrue(yaml.tree().get("e").isTextual());
        assertTrue(yaml.tree().get("f").isBigInteger());
    }

    @Test
    void rejectsDuplicateKeysAtTheSecondKey() {
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> parser.parse("a: 1\nb: 2\na: 3\n"));
        assertTrue(e.duplicateKey());
        assertEquals(new SourcePosition(3, 1), e.position());
        assertEquals("duplicate key `a`: each field may appear once", e.getMessage());
    }

    @Test
    void rejectsNonMappingsEmptyFilesAndSecondDocuments() {
        assertEquals("a manifest must be a YAML mapping of fields (key: value)",
                assertThrows(YamlSyntaxException.class, () -> parser.parse("- a\n- b\n")).getMessage());
        assertEquals("the file is empty: a manifest is a YAML mapping",
                assertThrows(YamlSyntaxException.class, () -> parser.parse("# only a comment\n")).getMessage());
        YamlSyntaxException two = assertThrows(YamlSyntaxException.class, () -> parser.parse("a: 1\n---\nb: 2\n"));
        assertEquals(3, two.position().line());
    }

    @Test
    void reportsSyntaxErrorsWithThePositionTheParserGives() {
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> parser.parse("a: 1\nb: [x\nc: 2\n"));
        assertEquals(new SourcePosition(3, 2), e.position());
        assertTrue(e.getMessage().startsWith("while parsing a flow sequence"), e.getMessage());
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        assertThrows(YamlSyntaxException.class, () -> parser.parse(bomb.toString()));
    }
}
