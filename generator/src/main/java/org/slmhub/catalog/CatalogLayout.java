package org.slmhub.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<Path> manifests = new ArrayList<>();
        List<Path> misplaced = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            walk.filter(p -> !p.equals(root)).forEach(p -> {
                String name = p.getFileName().toString();
                int depth = root.relativize(p).getNameCount();
                boolean link = Files.isSymbolicLink(p);
                boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
                if ((link && (depth <= 2 || yaml)) || (depth == 3 && name.equals(MANIFEST_NAME))) {
                    manifests.add(p);
                } else if (yaml && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    misplaced.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        manifests.sort(null);
        misplaced.sort(null);
        return new Scan(List.copyOf(manifests), List.copyOf(misplaced));
    }

    public record Scan(List<Path> manifests, List<Path> misplaced) {
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
