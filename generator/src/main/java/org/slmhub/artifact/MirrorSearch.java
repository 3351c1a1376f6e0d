package org.slmhub.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Looks for an artifact in mirror folders, which are read-only and may hold the same bytes under
 * another name. Candidates in order: {@code DIR/<file>}, {@code DIR/<sha256>},
 * {@code DIR/blobs/sha256/<sha256>}, then every file of the declared size in DIR and its direct
 * subfolders. Each candidate is verified (size, then sha256); digests are remembered per
 * (path, size, mtime) so one store hashes a multi-GB mirror file at most once.
 */
final class MirrorSearch {

    /** The verified mirror file, or nothing plus why each named candidate was rejected. */
    record Outcome(Optional<Path> file, List<Rejection> rejected) {
        /** A named candidate with other bytes: the mirror holds a wrong copy, not merely no copy. */
        Optional<Rejection> wrongBytes() {
            return rejected.stream().filter(r -> r.kind() != ArtifactException.Kind.UNAVAILABLE).findFirst();
        }
    }

    /** Why one mirror file was not used: its size or digest differs, or it could not be read. */
    record Rejection(String message, ArtifactException.Kind kind) {
    }

    private record FileKey(Path realPath, long size, FileTime modified) {
    }

    private final List<Path> mirrors;
    private final Map<FileKey, String> knownDigests = new ConcurrentHashMap<>();
    private final AtomicInteger filesHashed = new AtomicInteger();

    MirrorSearch(List<Path> mirrors) {
        this.mirrors = List.copyOf(mirrors);
    }

    Outcome find(ArtifactRef ref) {
        List<Rejection> rejected = new ArrayList<>();
        Set<Path> tried = new HashSet<>();
        for (Path dir : mirrors) {
            for (Path candidate : namedCandidates(dir, ref)) {
                if (tried.add(candidate) && Files.isRegularFile(candidate) && matches(candidate, ref, rejected)) {
                    return new Outcome(Optional.of(candidate), List.of());
                }
            }
        }
        // Scan last: it lists folders and may hash unrelated files that happen to have the same size.
        for (Path dir : mirrors) {
            for (Path candidate : sameSizeFiles(dir, ref.size(), rejected)) {
                if (tried.add(candidate) && matches(candidate, ref, null)) {
                    return new Outcome(Optional.of(candidate), List.of());
                }
            }
        }
        return new Outcome(Optional.empty(), List.copyOf(rejected));
    }

    /** How many files were actually read and hashed (the rest came from memory); for tests. */
    int filesHashed() {
        return filesHashed.get();
    }

    private static List<Path> namedCandidates(Path dir, ArtifactRef ref) {
        return Stream.of(dir.resolve(ref.file()), dir.resolve(ref.fileName()), dir.resolve(ref.sha256()),
                        dir.resolve("blobs").resolve("sha256").resolve(ref.sha256()))
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
    }

    private static List<Path> sameSizeFiles(Path dir, long size, List<Rejection> rejected) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> top = Files.list(dir)) {
            for (Path entry : top.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> sub = Files.list(entry)) {
                        sub.sorted().filter(p -> hasSize(p, size)).forEach(found::add);
                    }
                } else if (hasSize(entry, size)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            rejected.add(new Rejection("cannot list mirror folder " + dir + ": " + e, ArtifactException.Kind.UNAVAILABLE));
        }
        return found.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    private static boolean hasSize(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** Verifies one candidate; notes why a named candidate failed, since the user likely put it there. */
    private boolean matches(Path candidate, ArtifactRef ref, List<Rejection> rejected) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(candidate, BasicFileAttributes.class);
            if (attrs.size() != ref.size()) {
                note(rejected, "mirror file " + candidate + " has " + attrs.size() + " bytes, expected " + ref.size(), ArtifactException.Kind.SIZE_MISMATCH);
                return false;
            }
            FileKey key = new FileKey(candidate.toRealPath(), attrs.size(), attrs.lastModifiedTime());
            String digest = knownDigests.get(key);
            if (digest == null) {
                filesHashed.incrementAndGet();
                digest = Verification.of(candidate, ref.sha256(), ref.size()).actualSha256();
                if (digest == null) {
                    note(rejected, "mirror file " + candidate + " changed while it was being read", ArtifactException.Kind.UNAVAILABLE);
                    return false;
                }
                knownDigests.put(key, digest);
            }
            if (!digest.equals(ref.sha256())) {
                note(rejected, "mirror file " + candidate + " has sha256 " + digest + ", expected " + ref.sha256(), ArtifactException.Kind.CHECKSUM_MISMATCH);
                return false;
            }
            return true;
        } catch (IOException e) {
            note(rejected, "cannot read mirror file " + candidate + ": " + e, ArtifactException.Kind.UNAVAILABLE);
            return false;
        }
    }

    private static void note(List<Rejection> rejected, String line, ArtifactException.Kind kind) {
        if (rejected != null) {
            rejected.add(new Rejection(line, kind));
        }
    }
}
