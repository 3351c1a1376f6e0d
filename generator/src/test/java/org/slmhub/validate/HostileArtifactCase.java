package org.slmhub.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slmhub.artifact.ArtifactServer;
import org.slmhub.artifact.Replies;

/**
 * One case of the hostile-artifact corpus: its {@code artifact} file says which bytes are served,
 * which bytes the manifest describes (by default the same), how they are served and what the cache
 * must hold afterwards. Lines are {@code key: value}; {@code #} starts a comment.
 *
 * @param served    the bytes in the mirror or behind the URL
 * @param described the bytes whose sha256 and size fill the manifest's {@code {{sha256}}} and {@code {{size}}}
 * @param serve     {@code mirror}, {@code mirror-without-file}, {@code mirror-folder} (a folder has the
 *                  file's name), {@code refused} (nothing listens at the url),
 *                  or {@code https BEHAVIOUR [N]} (see {@link #reply()})
 * @param cache     {@code untouched} (no cache folder at all), {@code none} (no blob and no partial
 *                  file), {@code blob} (exactly the served bytes, verified) or {@code partial} (no
 *                  blob; one partial file holding a proper prefix of the served bytes, kept to resume)
 */
record HostileArtifactCase(String name, byte[] served, byte[] described, String serve, String cache) {
    static final String SPEC = "artifact";
    private static final Set<String> CACHE_STATES = Set.of("untouched", "none", "blob", "partial");

    static HostileArtifactCase read(Path dir) throws IOException {
        Map<String, String> spec = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(SPEC))) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int colon = text.indexOf(':');
            if (colon < 0 || spec.put(text.substring(0, colon).strip(), text.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException(dir + ": bad or repeated line: " + line);
            }
        }
        byte[] served = HostileArtifactBytes.of(required(spec, "bytes", dir));
        byte[] described = spec.containsKey("describes") ? HostileArtifactBytes.of(spec.get("describes")) : served;
        String cache = required(spec, "cache", dir);
        if (!CACHE_STATES.contains(cache)) {
            throw new IllegalArgumentException(dir + ": cache must be one of " + CACHE_STATES);
        }
        return new HostileArtifactCase(dir.getFileName().toString(), served, described, required(spec, "serve", dir), cache);
    }

    private static String required(Map<String, String> spec, String key, Path dir) {
        String value = spec.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(dir.resolve(SPEC) + " needs a `" + key + ":` line");
        }
        return value;
    }

    boolean overHttps() {
        return serve.startsWith("https ");
    }

    boolean fromMirror() {
        return serve.startsWith("mirror");
    }

    /** How the test server answers every request of an {@code https} case. */
    ArtifactServer.Reply reply() {
        List<String> words = List.of(serve.split("\\s+"));
        int n = words.size() > 2 ? (int) HostileArtifactBytes.number(words.get(2)) : 0;
        return switch (words.get(1)) {
            case "ok" -> Replies.SERVE;
            case "short" -> Replies.shortFile(n);
            case "short-announced" -> Replies.shortAnnounced(n);
            case "long" -> Replies.longerChunked(n);
            case "long-announced" -> Replies.longerAnnounced(n);
            case "endless" -> Replies.ENDLESS;
            case "status" -> Replies.status(n);
            case "redirect-loop" -> Replies.REDIRECT_LOOP;
            case "redirect-to-http" -> Replies.REDIRECT_TO_PLAIN_HTTP;
            case "partial-without-range" -> Replies.PARTIAL_WITHOUT_RANGE;
            case "slow-headers" -> Replies.NO_ANSWER;
            case "stall" -> Replies.stallAfter(n);
            case "cut" -> Replies.cutAfter(n);
            default -> throw new IllegalArgumentException(name + ": unknown server behaviour " + serve);
        };
    }
}
