package org.slmhub.catalog;

import java.nio.file.Path;

/**
 * One manifest file as read from disk: its parsed, located YAML, or why it could not be parsed.
 * Exactly one of {@code yaml} and {@code syntaxError} is set.
 */
public record ManifestFile(Path path, LocatedYaml yaml, YamlSyntaxException syntaxError) {

    public static ManifestFile read(Path path) {
        try {
            return parse(path, ManifestText.read(path));
        } catch (YamlSyntaxException e) {
            return new ManifestFile(path, null, e);
        }
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
