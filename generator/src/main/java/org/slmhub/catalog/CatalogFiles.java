package org.slmhub.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * The catalog as files on disk: every manifest read and parsed (in parallel), plus the YAML files
 * that sit where the catalog does not look.
 */
public record CatalogFiles(List<ManifestFile> manifests, List<Path> misplaced) {

    /**
     * @param root  the catalog folder
     * @param extra manifests outside the catalog to read as well (drafts being checked against it)
     */
    public static CatalogFiles read(Path root, List<Path> extra) {
        CatalogLayout.Scan scan = CatalogLayout.scan(root);
        List<Path> paths = paths(scan, extra);
        return new CatalogFiles(paths.parallelStream().map(ManifestFile::read).toList(), scan.misplaced());
    }

    /** The same, taking unchanged files from what {@code parsed} kept of earlier reads. */
    public static CatalogFiles read(Path root, List<Path> extra, ParsedManifests parsed) {
        CatalogLayout.Scan scan = CatalogLayout.scan(root);
        List<Path> paths = paths(scan, extra);
        parsed.retainOnly(paths);
        return new CatalogFiles(paths.parallelStream().map(parsed::read).toList(), scan.misplaced());
    }

    private static List<Path> paths(CatalogLayout.Scan scan, List<Path> extra) {
        List<Path> paths = new ArrayList<>(scan.manifests());
        Set<Path> known = new HashSet<>(paths);
        extra.stream().filter(known::add).forEach(paths::add);
        return paths;
    }
}
