package org.slmhub.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A manifest file's text, read only from a plain file (never through a link: a link could make
 * the catalog read, and print, any file on the machine), at most {@link #MAX_BYTES}, and only as
 * UTF-8. What is wrong is reported at the line and column where it is.
 */
final class ManifestText {
    /** Manifests are a few kilobytes; the limit keeps a huge file from exhausting memory. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ManifestText() {
    }

    /** The file's bytes (at most one past {@link #MAX_BYTES}): a plain file only, never through a link. */
    static byte[] bytes(Path path) throws YamlSyntaxException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw syntax("cannot read the file: " + e.getMessage(), SourcePosition.START);
        }
        if (attributes.isSymbolicLink()) {
            throw notAFile("is a symbolic link (to " + LocatedYamlParser.shorten(target(path))
                    + "): the catalog reads plain files and folders only, never through a link");
        }
        if (attributes.isDirectory()) {
            throw notAFile("is a folder: a manifest is a file");
        }
        if (!attributes.isRegularFile()) {
            throw notAFile("is not a plain file (a device, pipe or socket)");
        }
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw syntax("cannot read the file: " + e.getMessage(), SourcePosition.START);
        }
    }

    /**
     * UTF-8 without a leading byte-order mark, which would shift the columns of line 1; the
     * characters in an array-backed buffer from 0 to its limit (the parser reads the array itself).
     */
    static CharBuffer decode(byte[] bytes) throws YamlSyntaxException {
        String foreign = foreignByteOrderMark(bytes);
        if (foreign != null) {
            throw syntax("the file is " + foreign + " text (it starts with a " + foreign
                    + " byte-order mark): save it as UTF-8", SourcePosition.START);
        }
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        int length = Math.min(bytes.length, MAX_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, bytes.length <= MAX_BYTES);
        if (result.isError()) {
            throw syntax(String.format("the file is not UTF-8 text: the byte 0x%02X here is not valid UTF-8; save the file as UTF-8",
                    bytes[in.position()] & 0xFF), positionAfter(out.flip()));
        }
        if (bytes.length > MAX_BYTES) {
            throw syntax("the file goes on past " + MAX_BYTES + " bytes here, more than a manifest may hold", positionAfter(out.flip()));
        }
        decoder.flush(out);
        return out.flip();
    }

    /** Where the next character after {@code text} is, counting lines as an editor does (see {@link EditorLines}). */
    static SourcePosition positionAfter(CharSequence text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // CR LF is one line end, counted at the LF
            }
            if (c == '\n' || c == '\r') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++; // columns count characters (code points), as the YAML parser does
            }
        }
        return new SourcePosition(line, column);
    }

    private static String foreignByteOrderMark(byte[] b) {
        if (startsWith(b, new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}) || startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0})) {
            return "UTF-32";
        }
        if (startsWith(b, new byte[] {(byte) 0xFE, (byte) 0xFF}) || startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            return "UTF-16";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    private static YamlSyntaxException syntax(String message, SourcePosition at) {
        return new YamlSyntaxException(message, at, YamlSyntaxException.Kind.SYNTAX);
    }

    private static YamlSyntaxException notAFile(String message) {
        return new YamlSyntaxException(message, SourcePosition.START, YamlSyntaxException.Kind.NOT_A_FILE);
    }
}
