package org.slmhub.index;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slmhub.artifact.FileDigest;

/**
 * The index as one file to publish: a zip of the index files in name order with fixed entry times ({@link IndexZip}),
 * and beside it {@code FILE.sha256} in the format {@code sha256sum -c} checks.
 */
public final class IndexArchive {
    /** Index file names are plain: no folders, nothing that could climb out of the target folder. */
    private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern DIGEST_LINE = Pattern.compile("^\\s*([0-9a-fA-F]{64})\\b");

    private IndexArchive() {
    }

    /** @param reusedEntries files whose compressed bytes came from the archive this one replaced ({@link IndexZip}) */
    public record Written(Path archive, Path digestFile, String sha256, long bytes, int reusedEntries) {
    }

    /**
     * Zips the index folder's files to {@code archive} (through a temporary file, then a rename) and
     * writes its {@code .sha256}; files the archive already there holds unchanged are not compressed again.
     */
    public static Written write(Path indexDir, Path archive) throws IOException {
        Path target = archive.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Not createTempFile: its owner-only permissions would stay on a file that is meant to be published.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        MessageDigest digest = sha256Digest();
        IndexZip.Counts counts;
        try {
            // The digest is taken as the bytes are written: no second read of the archive.
            try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), digest), 1 << 16)) {
                counts = IndexZip.write(indexFiles(indexDir), Files.isRegularFile(target) ? target : null, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        Path digestFile = digestFileOf(target);
        Files.writeString(digestFile, sha256 + "  " + target.getFileName() + "\n", StandardCharsets.UTF_8);
        return new Written(target, digestFile, sha256, Files.size(target), counts.reused());
    }

    /** {@code slmhub-index.zip} → {@code slmhub-index.zip.sha256}. */
    public static Path digestFileOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    /** The digest at the start of a {@code .sha256} file's text, lower case. */
    static Optional<String> parseDigest(String text) {
        Matcher m = DIGEST_LINE.matcher(text);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Unpacks into {@code into}, which must not exist yet; the archive holds plain file names only. */
    static void unpack(Path archive, Path into) throws IOException, IndexException {
        Files.createDirectories(into);
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !ENTRY_NAME.matcher(entry.getName()).matches()) {
                    throw new IndexException(IndexException.Kind.ARCHIVE, archive + " is not a search index archive: it holds `" + entry.getName() + "`");
                }
                Files.copy(zip, into.resolve(entry.getName()));
                files++;
            }
        }
        if (files == 0) {
            throw new IndexException(IndexException.Kind.ARCHIVE, archive + " is not a search index archive: it is empty or not a zip file");
        }
    }

    public static String sha256(Path file) throws IOException {
        return FileDigest.sha256(file);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<Path> indexFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path f : stream) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals("write.lock")) {
                    files.add(f);
                }
            }
        }
        files.sort(null);
        return files;
    }
}
