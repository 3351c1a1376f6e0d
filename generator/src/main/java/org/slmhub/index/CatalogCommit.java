package org.slmhub.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The Git commit a catalog folder is checked out at, recorded in the index it builds. */
public final class CatalogCommit {
    private CatalogCommit() {
    }

    /** The HEAD commit id, or empty when the folder is not in a Git repository (or it has no commits). */
    public static Optional<String> of(Path catalogRoot) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(catalogRoot.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.build()) {
            ObjectId head = repo.resolve("HEAD");
            return Optional.ofNullable(head).map(ObjectId::name);
        }
    }
}
