package org.slmhub.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One manifest file as read from disk: its parsed, located YAML, or why it could not be parsed.
 * Exactly one of {@code yaml} and {@code syntaxError} is set.
 */
public record ManifestFile(Path path, LocatedYaml yaml, YamlSyntaxException syntaxError) {

    public static ManifestFile read(Path path) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            return new ManifestFile(path, null, new YamlSyntaxException("the file is not UTF-8 text", SourcePosition.START, false));
        } catch (IOException e) {
            return new ManifestFile(path, null, new YamlSyntaxException("cannot read the file: " + e.getMessage(), SourcePosition.START, false));
        }
        return parse(path, text);
    }

    public static ManifestFile parse(Path path, String text) {
        try {
            return new ManifestFile(path, new LocatedYamlParser().parse(text), null);
        } catch (YamlSyntaxException e) {
            return new ManifestFile(path, null, e);
        }
    }

    public boolean parsed() {
        return yaml != null;
    }
}
