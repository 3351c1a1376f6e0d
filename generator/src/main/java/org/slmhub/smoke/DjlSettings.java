package org.slmhub.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keeps DJL's tokenizers offline and out of the user's home. Unconfigured, DJL extracts its native
 * library into {@code ~/.djl.ai}, JNA (which DJL uses to look for CUDA) into {@code ~/.cache/JNA},
 * and creating a tokenizer "calls home": it asks the EC2 metadata address and DJL's telemetry
 * bucket whether it runs on AWS. DJL reads each setting from the environment first, then from the
 * system properties.
 */
final class DjlSettings {
    static final String CACHE_DIR = "DJL_CACHE_DIR";
    /** Overrides {@link #CACHE_DIR} for native libraries, so it is set too. */
    static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    /** Environment name; {@link #OFFLINE_PROPERTY} is its system property. */
    static final String OFFLINE = "DJL_OFFLINE";
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String NO_TRACKING = "OPT_OUT_TRACKING";
    static final String JNA_TMPDIR = "jna.tmpdir";

    private DjlSettings() {
    }

    /** A worker's environment: everything in its scratch folder, and offline whatever the parent's environment says. */
    static Map<String, String> workerEnvironment(Path scratch) {
        String cache = scratch.resolve("djl").toString();
        return Map.of(CACHE_DIR, cache, ENGINE_CACHE_DIR, cache, OFFLINE, "true", NO_TRACKING, "true");
    }

    /**
     * For {@link SentenceEmbedder} in this JVM: offline, and a private cache folder deleted when the
     * JVM exits normally, unless the caller's environment or properties chose otherwise (the
     * environment wins over properties in DJL, so this JVM's environment is respected).
     */
    static synchronized void ensurePrivate() {
        setIfAbsent(OFFLINE_PROPERTY, "true");
        setIfAbsent(NO_TRACKING, "true");
        if (System.getenv(CACHE_DIR) != null || System.getProperty(CACHE_DIR) != null) {
            return;
        }
        try {
            Path folder = Files.createTempDirectory("slmhub-djl-");
            System.setProperty(CACHE_DIR, folder.toString());
            System.setProperty(ENGINE_CACHE_DIR, folder.toString());
            setIfAbsent(JNA_TMPDIR, folder.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ScratchFolder.delete(folder), "slmhub-djl-cleanup"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp folder for the tokenizer's native library", e);
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
