package org.slmhub.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where manifests live: {@code <catalog>/<publisher>/<model>/model.yaml}. Finds them, and the
 * files that look like manifests but sit where nothing reads them.
 */
public final class CatalogLayout {
    public static final String MANIFEST_NAME = "model.yaml";

    private CatalogLayout() {
    }

    /** Every model.yaml under the given files and folders, sorted, without duplicates. */
    public static List<Path> manifests(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root) || Files.isSymbolicLink(root)) {
                found.add(root.toAbsolutePath().normalize());
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                // whatever its kind: reading a link or a folder named model.yaml reports why it is refused
                walk.filter(p -> p.getFileName().toString().equals(MANIFEST_NAME))
                        .map(p -> p.toAbsolutePath().normalize())
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    /**
     * One walk over a catalog folder: the manifests it holds (exactly
     * {@code <publisher>/<model>/model.yaml}) and the YAML files that sit where nothing reads them.
     * Links are not followed. A link where a publisher or model folder goes, a link named like a
     * YAML file, and anything at a manifest's place that is not a plain file count as manifests,
     * so that reading them reports why they are refused.
     */
    public static Scan scan(Path catalogRoot) {
        Path root = catalogRoot.toAbsolutePath().normalize();
        List<Path> top = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new UncheckedIOException(new java.nio.file.NoSuchFileException(root.toString()));
            }
            return new Scan(List.of(), List.of(), Map.of()); // a file or a link is not walked into, as Files.walk does
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.forEach(top::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a walk per publisher folder, on every core: at 10,000 models the walk was half of a one-model rebuild's checks
        List<Scan> parts = top.parallelStream().map(p -> walk(p, 1)).toList();
        List<Path> manifests = new ArrayList<>();
        List<Path> misplaced = new ArrayList<>();
        Map<Path, Stamp> stamps = new HashMap<>();
        parts.forEach(part -> {
            manifests.addAll(part.manifests());
            misplaced.addAll(part.misplaced());
            stamps.putAll(part.stamps());
        });
        manifests.sort(null);
        misplaced.sort(null);
        return new Scan(List.copyOf(manifests), List.copyOf(misplaced), stamps);
    }

    /** {@code start} (at {@code depth} below the catalog folder) and what lies under it, down to depth 4; one stat per entry. */
    private static Scan walk(Path start, int depth) {
        List<Path> manifests = new ArrayList<>();
        List<Path> misplaced = new ArrayList<>();
        Map<Path, Stamp> stamps = new HashMap<>();
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            private int level = depth - 1;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                level++;
                place(dir, level, attrs, manifests, misplaced, stamps);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                place(file, level + 1, attrs, manifests, misplaced, stamps);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                level--;
                if (failure != null) {
                    throw failure;
                }
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(start, Set.of(), 4 - depth, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scan(manifests, misplaced, stamps);
    }

    private static void place(Path p, int depth, BasicFileAttributes attrs, List<Path> manifests, List<Path> misplaced, Map<Path, Stamp> stamps) {
        String name = p.getFileName().toString();
        boolean link = attrs.isSymbolicLink();
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if ((link && (depth <= 2 || yaml)) || (depth == 3 && name.equals(MANIFEST_NAME))) {
            manifests.add(p);
            if (attrs.isRegularFile()) {
                stamps.put(p, Stamp.of(attrs));
            }
        } else if (yaml && attrs.isRegularFile()) {
            misplaced.add(p);
        }
    }

    /**
     * @param stamps each plain-file manifest's size and modification time as the walk saw them (its one
     *               stat), so a build that keeps checks by them need not stat every file again
     */
    public record Scan(List<Path> manifests, List<Path> misplaced, Map<Path, Stamp> stamps) {
    }

    public record Stamp(long size, long modifiedNanos) {
        public static Stamp of(BasicFileAttributes a) {
            return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }

    /** The id a manifest at this path must carry: its two parent folder names. */
    public static String expectedId(Path manifest) {
        Path model = manifest.toAbsolutePath().normalize().getParent();
        Path publisher = model == null ? null : model.getParent();
        if (publisher == null || publisher.getFileName() == null) {
            return "";
        }
        return publisher.getFileName() + "/" + model.getFileName();
    }
}
