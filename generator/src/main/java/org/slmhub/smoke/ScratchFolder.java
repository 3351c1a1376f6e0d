package org.slmhub.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deletes a worker's temp folder: its extracted native library, and an hs_err log after a crash. */
final class ScratchFolder {
    private ScratchFolder() {
    }

    /** Best effort: a leftover temp folder must not turn a smoke result into an error. */
    static void delete(Path folder) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return;
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // left for the OS's temp cleaning
            }
        }
    }
}
