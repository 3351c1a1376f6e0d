package org.slmhub.site;

import java.nio.file.Path;

/**
 * What a site build needs besides the catalog.
 *
 * @param source  the folder holding {@code content/} and {@code templates/} (the repository root)
 * @param baseUrl where the site is served from, always ending in {@code /} ({@code /}, {@code /slmhub/},
 *                or an absolute URL); every internal link starts with it
 * @param repoUrl the repository's web address, for "edit this model" links
 */
public record SiteOptions(Path source, String baseUrl, String repoUrl, String title) {
    public static final String DEFAULT_REPO_URL = "https://example.org/your-fork/slmhub";

    public SiteOptions {
        baseUrl = baseUrl == null || baseUrl.isEmpty() ? "/" : baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        repoUrl = repoUrl.endsWith("/") ? repoUrl.substring(0, repoUrl.length() - 1) : repoUrl;
    }

    public Path templates() {
        return source.resolve("templates");
    }

    public Path content() {
        return source.resolve("content");
    }
}
