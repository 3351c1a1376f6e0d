package org.slmhub.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.SmallFetch;
import org.slmhub.catalog.ManifestFile;
import org.slmhub.validate.ClosestMatch;
import org.slmhub.validate.ManifestSchema;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/**
 * A published slmhub site (an https URL) or a built site folder as the source of manifests: the
 * site's {@code api/models/<id>.json} holds a model's whole manifest. A fetched manifest is kept in
 * the cache ({@code <cache>/registry/<host>-<hash>/<id>.json}, written whole or not at all), so
 * {@code --offline} can use it and a registry that cannot be reached falls back to it. Every
 * manifest is checked like a catalog file before anything uses it: a site is someone else's server.
 */
public final class SiteRegistry {
    /** Where a site publishes each model's whole manifest, under its base (the site stage writes them). */
    public static final String MANIFESTS = "api/models/";
    /** Far above any manifest (the parser's limit is 4 Mi characters), far below what could hurt. */
    static final int MAX_BYTES = 8 << 20;
    /** The site's list of every model (the site stage writes it); read only to suggest an id. */
    static final String LIST = "api/models.json";
    /** About 60,000 models' lines. */
    private static final int MAX_LIST_BYTES = 64 << 20;
    private static final Pattern URL_FORM = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private final String name;
    private final URI base;
    private final Path folder;
    private final Path cache;
    private final boolean offline;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** A model's manifest as the registry gave it, and its checks; {@code note} says when a kept copy stood in. */
    public record Loaded(Path file, ValidationReport report, String note) {
    }

    private SiteRegistry(String name, URI base, Path folder, Path cache, boolean offline, Duration connectTimeout, Duration readTimeout) {
        this.name = name;
        this.base = base;
        this.folder = folder;
        this.cache = cache;
        this.offline = offline;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * @param location  an http(s) URL of a published site (its base: where {@code api/} is), or a built site folder
     * @param cacheRoot the artifact cache, which keeps fetched manifests too
     * @param offline   use only manifests kept in the cache
     */
    public static SiteRegistry at(String location, Path cacheRoot, boolean offline, Duration connectTimeout, Duration readTimeout)
            throws RegistryException {
        if (isUrl(location)) {
            URI base;
            try {
                base = new URI(withSlash(location)).normalize();
            } catch (URISyntaxException e) {
                throw new RegistryException("registry " + location + " is not a URL: " + e.getReason());
            }
            if (base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
                throw new RegistryException("registry " + location + " is not the base URL of a site (https://host/path/)");
            }
            Path cache = cacheRoot.resolve("registry").resolve(base.getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + shortHash(base.toString()));
            return new SiteRegistry(base.toString(), base, null, cache, offline, connectTimeout, readTimeout);
        }
        if (URL_FORM.matcher(location).matches()) {
            throw new RegistryException("registry " + location + ": give the https:// URL of a published slmhub site, or a site folder");
        }
        Path folder = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder.resolve(MANIFESTS))) {
            throw new RegistryException("registry folder " + location + (Files.isDirectory(folder) ? " is not a built slmhub site (it has no "
                    + MANIFESTS + "; slmhub build writes one)" : " not found"));
        }
        return new SiteRegistry(folder.toString(), null, folder, null, offline, connectTimeout, readTimeout);
    }

    /**
     * Another file a site publishes, under the same {@code location} as {@link #at} takes: a URL for a
     * published site, a path for a site folder ({@code slmhub search} reads the site's index archive so).
     */
    public static String publishedFile(String location, String path) {
        return isUrl(location) ? withSlash(location) + path : Path.of(location).resolve(path).toString();
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The registry as messages name it: its base URL or folder. */
    public String name() {
        return name;
    }

    /**
     * The manifest of {@code id}, fetched (or read from the site folder) and checked. The report has
     * the findings, at the kept file's lines; the caller uses the entry only when it passed.
     */
    public Loaded load(String id) throws RegistryException {
        if (!Pattern.matches(ManifestSchema.get().subschemaAt("/id").path("pattern").asText(), id)) {
            throw new RegistryException("`" + id + "` is not a model id: publisher/model, in lowercase letters, digits, `.`, `_` and `-`");
        }
        Path file;
        Got got = new Got(null, null);
        if (folder != null) {
            file = folder.resolve(MANIFESTS + id + ".json");
            if (!Files.isRegularFile(file)) {
                throw new RegistryException("no model `" + id + "` in the site at " + name + " (no " + MANIFESTS + id + ".json)" + didYouMean(id));
            }
        } else {
            file = cache.resolve(id + ".json");
            got = fetch(id, file);
        }
        byte[] bytes = got.bytes();
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new RegistryException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        ValidationReport report = new Validator().checkPublished(ManifestFile.parse(file, bytes));
        if (report.passed() && !report.entries().get(0).manifest().id().equals(id)) {
            throw new RegistryException(name + " answers for `" + id + "` with the manifest of `"
                    + report.entries().get(0).manifest().id() + "` (" + file + ")");
        }
        return new Loaded(file, report, got.note());
    }

    /** What a fetch gave: the bytes it kept, or null where the kept copy stands in (then with a note, unless offline). */
    private record Got(byte[] bytes, String note) {
    }

    /** Brings the kept copy up to date. */
    private Got fetch(String id, Path file) throws RegistryException {
        boolean kept = Files.isRegularFile(file);
        if (offline) {
            if (!kept) {
                throw new RegistryException("the manifest of " + id + " from " + name + " is not in the cache, and --offline forbids fetching it");
            }
            return new Got(null, null);
        }
        URI url = base.resolve(MANIFESTS + id + ".json");
        SmallFetch.Answer answer;
        try {
            answer = SmallFetch.get(url, "the manifest of " + id, MAX_BYTES, connectTimeout, readTimeout);
        } catch (ArtifactException e) {
            if (kept && e.kind() == ArtifactException.Kind.UNAVAILABLE) {
                return new Got(null, e.getMessage() + "; using the copy fetched " + fetchedAt(file));
            }
            throw new RegistryException(e.getMessage(), e);
        }
        if (answer.status() == 404 || answer.status() == 410) {
            String suggestion = didYouMean(id);
            throw new RegistryException("no model `" + id + "` at " + name + " (HTTP " + answer.status() + " for " + url + ")"
                    + (suggestion.isEmpty() ? "; the site lists its models in " + base.resolve(LIST) : suggestion));
        }
        if (answer.status() != 200) {
            String failed = "HTTP " + answer.status() + " for " + url;
            if (kept && answer.status() >= 500) {
                return new Got(null, failed + "; using the copy fetched " + fetchedAt(file));
            }
            throw new RegistryException(failed);
        }
        keep(answer.body(), file);
        return new Got(answer.body(), null);
    }

    /** "; did you mean `x`?" from the site's list of models, or nothing when it has no close id or cannot be read. */
    private String didYouMean(String id) {
        try {
            byte[] list;
            if (folder != null) {
                Path file = folder.resolve(LIST);
                list = Files.size(file) <= MAX_LIST_BYTES ? Files.readAllBytes(file) : null;
            } else {
                SmallFetch.Answer answer = SmallFetch.get(base.resolve(LIST), "the list of models", MAX_LIST_BYTES, connectTimeout, readTimeout);
                list = answer.status() == 200 ? answer.body() : null;
            }
            if (list == null) {
                return "";
            }
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(list).path("models").forEach(m -> ids.add(m.path("id").asText()));
            return ClosestMatch.among(id, ids).map(s -> "; did you mean `" + s + "`?").orElse("");
        } catch (IOException | ArtifactException | RuntimeException e) {
            return ""; // a suggestion is a courtesy: the error stands without it
        }
    }

    /** Written beside, then moved into place: a reader never sees half a manifest. */
    private static void keep(byte[] bytes, Path file) throws RegistryException {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), ".fetch-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RegistryException("cannot keep the manifest in the cache at " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a leftover temporary file is never read as a manifest
                }
            }
        }
    }

    private static String fetchedAt(Path file) {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            return "earlier";
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
