package org.slmhub.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.slmhub.catalog.ContentChecksum;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.catalog.SealedFile;
import org.slmhub.index.IndexInfo;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.site.ManifestDigests;
import org.slmhub.history.HistoryException;
import org.slmhub.history.ModelHistory;
import org.slmhub.index.CatalogCommit;
import org.slmhub.index.CatalogIndexer;
import org.slmhub.index.IndexArchive;
import org.slmhub.index.IndexException;
import org.slmhub.index.IndexInputs;
import org.slmhub.index.SmokeStatuses;

/**
 * The Lucene index the site publishes for offline search: built like {@code slmhub index}, zipped
 * to {@code search/slmhub-index.zip} with its {@code .sha256}, for
 * {@code slmhub search --index <site>/search/slmhub-index.zip}.
 */
final class SiteIndexArchive {
    static final String PATH = "search/slmhub-index.zip";
    /** What the archive was built from (see {@link #inputs}); outside search/ so it is not an API file. */
    static final String INPUTS = ".slmhub-index-inputs";
    /** The working index kept between builds, so an edit re-indexes one model (not published: see site.yml). */
    static final String WORK = ".slmhub-index";
    /**
     * Each model's fingerprint in the working index, binary with a CRC-32 ({@link SealedFile}): as JSON
     * they took 85 ms to read and 20-35 ms to write at 10,000 models, on the index's thread.
     */
    private static final String FINGERPRINTS = "models.fingerprints";
    private static final String FINGERPRINTS_MAGIC = "slmhub index fingerprints 1";

    private SiteIndexArchive() {
    }

    /**
     * What the archive depends on, read once per build: each manifest's stamp (the digest of its bytes
     * where the build's checks have it, else its size and modification time), the catalog's commit
     * (history dates come from it), and a hash over those and the smoke report's stamp.
     */
    record Inputs(Map<Path, String> stamps, String commit, String hash) {
    }

    static Inputs inputs(List<CatalogEntry> entries, Path catalog, Path smokeReport, ManifestDigests digests) throws IOException {
        Map<Path, String> stamps = new HashMap<>(entries.size() * 2);
        StringBuilder text = new StringBuilder(entries.size() * 100);
        List<String> read = entries.parallelStream().map(e -> {
            String digest = digests.of(e.file());
            return digest != null ? "checksum " + digest : stamp(e.file()); // a stat per manifest otherwise: on every core
        }).toList();
        for (int i = 0; i < entries.size(); i++) {
            Path file = entries.get(i).file();
            if (read.get(i) == null) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            stamps.put(file, read.get(i));
            text.append(file).append(' ').append(read.get(i)).append('\n');
        }
        if (smokeReport != null) {
            String stamp = stamp(smokeReport);
            if (stamp == null) {
                throw new java.nio.file.NoSuchFileException(smokeReport.toString());
            }
            text.append(smokeReport).append(' ').append(stamp);
        }
        String commit = CatalogCommit.of(catalog).orElse(null);
        text.append('\n').append(commit == null ? "no commit" : commit);
        // change detection, like the manifests' own checksums: SHA-256 is pure Java under the launcher's C1 compiler
        return new Inputs(stamps, commit, ContentChecksum.hex(ContentChecksum.of(text.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** Size and modification time from one stat, or null when the file cannot be read. */
    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the site folder's archive was built from these inputs. */
    static boolean current(Path siteOut, Inputs inputs) throws IOException {
        Path file = siteOut.resolve(INPUTS);
        return Files.exists(siteOut.resolve(PATH)) && Files.exists(file) && Files.readString(file).equals(inputs.hash());
    }

    /**
     * Builds or updates the index in the site folder's working copy ({@link #WORK}), then zips it to
     * {@link #PATH}. The working copy records a fingerprint per model; only models whose manifest,
     * smoke status or history changed are indexed again. Anything unexpected there: built anew.
     */
    static IndexArchive.Written write(List<CatalogEntry> entries, Path catalog, Path smokeReport, Path siteOut, Inputs read) throws IOException {
        Path work = siteOut.resolve(WORK);
        Path lucene = work.resolve("lucene");
        Path fingerprints = work.resolve(FINGERPRINTS);
        Files.deleteIfExists(work.resolve("models.json")); // where they were kept as JSON before
        try {
            Map<String, String> smoke = smokeReport == null ? Map.of() : SmokeStatuses.read(smokeReport);
            IndexInputs inputs = new IndexInputs(ModelHistory.read(catalog), smoke, read.commit(), Instant.now());
            Map<String, String> now = new HashMap<>(entries.size() * 2); // compared by key, never walked in order
            for (CatalogEntry e : entries) {
                String id = e.manifest().id();
                // what a model's document is made of, besides the code: its manifest, smoke status and dates
                now.put(id, read.stamps().get(e.file()) + " " + inputs.smokeStatus(id) + " " + inputs.dates().get(id) + " " + IndexInfo.FORMAT);
            }
            Map<String, String> before = readFingerprints(fingerprints);
            Files.deleteIfExists(fingerprints); // if this build fails half-way, the next one starts afresh
            if (before.isEmpty()) {
                FolderTree.delete(lucene);
                CatalogIndexer.write(lucene, entries.stream().map(CatalogEntry::manifest).toList(), inputs);
            } else {
                List<ModelManifest> changed = entries.stream().map(CatalogEntry::manifest)
                        .filter(m -> !now.get(m.id()).equals(before.get(m.id()))).toList();
                List<String> removed = before.keySet().stream().filter(id -> !now.containsKey(id)).toList();
                CatalogIndexer.update(lucene, changed, removed, inputs, entries.size());
            }
            IndexArchive.Written written = IndexArchive.write(lucene, siteOut.resolve(PATH));
            SealedFile.write(fingerprints, data -> {
                data.writeUTF(FINGERPRINTS_MAGIC);
                SealedFile.writeTexts(data, now);
            });
            Files.writeString(siteOut.resolve(INPUTS), read.hash());
            return written;
        } catch (IndexException | HistoryException e) {
            throw new IOException("cannot build the search index archive: " + e.getMessage(), e);
        }
    }

    /** The fingerprints a build kept, or none (index everything again) when they are absent or damaged. */
    private static Map<String, String> readFingerprints(Path file) {
        try {
            DataInputStream in = SealedFile.read(file);
            return in == null || !in.readUTF().equals(FINGERPRINTS_MAGIC) ? Map.of() : SealedFile.readTexts(in);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
