package org.slmhub.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Git repository, built with JGit in a temporary folder. */
class ChangedModelsTest {
    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private RevCommit commitAll(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("Test", "test@example.org").setCommitter("Test", "test@example.org")
                .setSign(false).call();
    }

    @Test
    void findsModelsChangedInCommitsStagedUnstagedAndNew() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("models/acme/one/model.yaml", "id: acme/one\n");
            write("models/acme/two/model.yaml", "id: acme/two\n");
            write("models/beta/three/model.yaml", "id: beta/three\n");
            write("models/beta/four/model.yaml", "id: beta/four\n");
            write("README.md", "readme\n");
            RevCommit base = commitAll(git, "base");
            assertEquals(Set.of(), ChangedModels.since(repo.resolve("models"), base.getName()));

            write("models/acme/one/model.yaml", "id: acme/one\nname: changed in a commit\n");
            write("README.md", "outside the catalog\n");
            commitAll(git, "change one");
            write("models/acme/two/notes.md", "staged extra file\n");
            git.add().addFilepattern("models/acme/two/notes.md").call();
            write("models/beta/three/model.yaml", "id: beta/three\nname: unstaged edit\n");
            write("models/gamma/five/model.yaml", "id: gamma/five\n");
            Files.delete(repo.resolve("models/beta/four/model.yaml"));

            Set<String> changed = ChangedModels.since(repo.resolve("models"), base.getName());
            assertEquals(Set.of("acme/one", "acme/two", "beta/three", "beta/four", "gamma/five"), changed);
            assertEquals(Set.of("acme/one", "acme/two", "beta/three", "beta/four", "gamma/five"), ChangedModels.since(repo.resolve("models"), "main~1"));
            assertEquals(Set.of("acme/two", "beta/three", "beta/four", "gamma/five"), ChangedModels.since(repo.resolve("models"), "main"));
        }
    }

    @Test
    void unknownRevisionSaysHowToFixIt() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("models/acme/one/model.yaml", "id: acme/one\n");
            commitAll(git, "base");
            HistoryException e = assertThrows(HistoryException.class, () -> ChangedModels.since(repo.resolve("models"), "origin/nope"));
            assertTrue(e.getMessage().startsWith("unknown revision `origin/nope`"), e.getMessage());
        }
    }

    @Test
    void outsideARepositoryIsAClearError(@TempDir Path plain) {
        HistoryException e = assertThrows(HistoryException.class, () -> ChangedModels.since(plain, "main"));
        assertTrue(e.getMessage().endsWith("is not inside a Git repository"), e.getMessage());
    }

    @Test
    void pathsMapToModelIds() {
        assertEquals("qwen/q3", ChangedModels.modelId("models", "models/qwen/q3/model.yaml").orElseThrow());
        assertTrue(ChangedModels.modelId("models", "models/qwen/README.md").isEmpty());
        assertTrue(ChangedModels.modelId("models", "modelsx/a/b/c").isEmpty());
        assertTrue(ChangedModels.modelId("models", "/dev/null").isEmpty());
    }
}
