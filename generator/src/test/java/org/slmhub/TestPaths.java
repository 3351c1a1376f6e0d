package org.slmhub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository and the shared fixtures are, for tests run by Maven or an IDE. */
public final class TestPaths {
    private TestPaths() {
    }

    /** The repository root: from the surefire property, else found upwards from the working folder. */
    public static Path repoRoot() {
        String configured = System.getProperty("slmhub.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("models")) && Files.isDirectory(p.resolve("generator"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the slmhub repository root");
    }

    /** ../shared/fixtures/models beside the repository, when this machine has it. */
    public static Optional<Path> sharedModels() {
        Path dir = repoRoot().resolve("../shared/fixtures/models").normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    public static final String SHARED_ABSENT = "../shared/fixtures/models is absent: checks on the real model files are skipped";
}
