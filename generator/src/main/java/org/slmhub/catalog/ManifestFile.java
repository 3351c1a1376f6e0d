package org.slmhub.catalog;

import java.nio.CharBuffer;
import java.nio.file.Path;

/**
 * One manifest file as read from disk: its parsed, located YAML, or why it could not be parsed.
 * Exactly one of {@code yaml} and {@code syntaxError} is set.
 */
public record ManifestFile(Path path, LocatedYaml yaml, YamlSyntaxException syntaxError) {

    public static ManifestFile read(Path path) {
        try {
            return parse(path, ManifestText.bytes(path));
        } catch (YamlSyntaxException e) {
            return new ManifestFile(path, null, e);
        }
    }

    /**
     * The bytes {@link #read} would parse, for a caller that keys what it keeps by them; null when
     * the path is no plain, readable file ({@link #read} then says why).
     */
    public static byte[] bytes(Path path) {
        try {
            return ManifestText.bytes(path);
        } catch (YamlSyntaxException e) {
            return null;
        }
    }

    /** Parses bytes {@link #bytes} returned, as {@link #read} parses the file. */
    public static ManifestFile parse(Path path, byte[] bytes) {
        try {
            CharBuffer text = ManifestText.decode(bytes);
            return new ManifestFile(path, new LocatedYamlParser().parse(text.array(), text.limit()), null);
        } catch (YamlSyntaxException e) {
            return new ManifestFile(path, null, e);
        }
    }

    public boolean parsed() {
        return yaml != null;
    }
}
