package org.slmhub.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real repository built with JGit, with commits at chosen times by chosen authors. */
class ModelHistoryTest {
    @TempDir
    Path repo;

    private void commit(Git git, String author, long epochSecond, String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(author, author + "@example.org", Date.from(Instant.ofEpochSecond(epochSecond)), TimeZone.getTimeZone("UTC"));
        git.commit().setMessage(path).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void addedUpdatedAndContributorsFromOneWalk() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "ana", 1_000, "models/acme/one/model.yaml", "v1");
            commit(git, "bo", 2_000, "models/acme/two/model.yaml", "v1");
            commit(git, "cy", 3_000, "README.md", "not a model");
            commit(git, "bo", 4_000, "models/acme/one/model.yaml", "v2");
            commit(git, "ana", 5_000, "models/acme/one/notes.md", "extra file in the folder");
        }
        Map<String, ModelHistory.Dates> dates = ModelHistory.read(repo.resolve("models"));
        assertEquals(2, dates.size());
        ModelHistory.Dates one = dates.get("acme/one");
        assertEquals(Instant.ofEpochSecond(1_000), one.added());
        assertEquals(Instant.ofEpochSecond(5_000), one.updated());
        assertEquals(List.of("ana", "bo"), one.contributors());
        assertEquals(new ModelHistory.Dates(Instant.ofEpochSecond(2_000), Instant.ofEpochSecond(2_000), List.of("bo")), dates.get("acme/two"));
    }

    @Test
    void outsideGitThereIsNoHistory(@TempDir Path plain) throws Exception {
        Files.createDirectories(plain.resolve("models/acme/one"));
        assertTrue(ModelHistory.read(plain.resolve("models")).isEmpty());
    }
}
