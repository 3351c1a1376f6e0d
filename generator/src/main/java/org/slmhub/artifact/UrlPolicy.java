package org.slmhub.artifact;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs we download from: https anywhere, plain http only to this machine (tests serve
 * artifacts from a local server). Anything else could be tampered with in transit or read local files.
 */
final class UrlPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "::1", "[::1]", "localhost");

    private UrlPolicy() {
    }

    static void check(ArtifactRef ref, URI url) throws ArtifactException {
        if (!allowed(url)) {
            throw new ArtifactException(ArtifactException.Kind.NOT_ALLOWED,
                    "refusing to download " + ref.file() + " from " + url
                            + ": only https URLs are allowed (plain http only to localhost); fix the url in the manifest");
        }
    }

    static boolean allowed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return !host.isEmpty() && (scheme.equals("https") || (scheme.equals("http") && LOOPBACK_HOSTS.contains(host)));
    }
}
