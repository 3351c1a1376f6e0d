package org.slmhub.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Which models changed since a Git revision: the catalog folders that differ between that
 * revision's tree and the working tree (commits since, staged, unstaged and new files alike).
 * Uses JGit, so no git binary is needed.
 */
public final class ChangedModels {
    private ChangedModels() {
    }

    /**
     * @param catalogRoot the catalog folder inside a Git working tree
     * @param revision    anything Git resolves: a branch, tag, {@code origin/main}, a commit id
     * @return the ids ({@code publisher/model}) whose folder has any change, sorted
     */
    public static Set<String> since(Path catalogRoot, String revision) throws HistoryException {
        Path catalog = catalogRoot.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(catalog.toFile());
        if (builder.getGitDir() == null) {
            throw new HistoryException(catalog + " is not inside a Git repository");
        }
        try (Git git = Git.wrap(builder.build())) {
            Repository repo = git.getRepository();
            ObjectId tree = repo.resolve(revision + "^{tree}");
            if (tree == null) {
                throw new HistoryException("unknown revision `" + revision + "` (try a branch, a tag or a commit id; in CI fetch with full history)");
            }
            String prefix = repo.getWorkTree().toPath().toAbsolutePath().normalize().relativize(catalog).toString().replace('\\', '/');
            CanonicalTreeParser old = new CanonicalTreeParser();
            try (ObjectReader reader = repo.newObjectReader()) {
                old.reset(reader, tree);
            }
            var diff = git.diff().setOldTree(old).setNewTree(new FileTreeIterator(repo)).setShowNameAndStatusOnly(true);
            if (!prefix.isEmpty()) {
                diff.setPathFilter(PathFilter.create(prefix));
            }
            Set<String> ids = new TreeSet<>();
            for (DiffEntry entry : diff.call()) {
                for (String path : List.of(entry.getOldPath(), entry.getNewPath())) {
                    modelId(prefix, path).ifPresent(ids::add);
                }
            }
            return ids;
        } catch (IOException | GitAPIException e) {
            throw new HistoryException("cannot compare with `" + revision + "`: " + e.getMessage());
        }
    }

    /** "models/qwen/qwen3-0.6b/model.yaml" → "qwen/qwen3-0.6b" (anything inside a model folder counts). */
    static Optional<String> modelId(String prefix, String path) {
        if (path.equals(DiffEntry.DEV_NULL)) {
            return Optional.empty();
        }
        String rest = prefix.isEmpty() ? path : path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : null;
        if (rest == null) {
            return Optional.empty();
        }
        String[] parts = rest.split("/");
        return parts.length >= 3 ? Optional.of(parts[0] + "/" + parts[1]) : Optional.empty();
    }
}
