package org.slmhub.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the binding extracts libjllama.so: the folder in {@code de.kherud.llama.tmpdir}, by default
 * {@code java.io.tmpdir}. Before extracting, the binding deletes every entry there whose name starts
 * with "llama" or "jllama", and it always uses the same file name, so in the shared /tmp it would
 * delete other programs' files and break JVMs loading it at the same time. Each JVM that runs a
 * model therefore gets a folder of its own.
 */
final class NativeLibraryFolder {
    static final String PROPERTY = "de.kherud.llama.tmpdir";

    private NativeLibraryFolder() {
    }

    /**
     * Gives this JVM a private folder unless one is set (workers get theirs on the command line).
     * The property is JVM-wide because the binding reads it; it is deleted when the JVM exits
     * normally, which is how a program that ran a model in-process must end anyway.
     */
    static synchronized void ensurePrivate() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Path folder = Files.createTempDirectory("slmhub-llama-");
            System.setProperty(PROPERTY, folder.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ScratchFolder.delete(folder), "slmhub-llama-cleanup"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp folder for llama.cpp's native library", e);
        }
    }
}
