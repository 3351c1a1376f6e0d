package org.slmhub.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Bakes {@code content/} (about, guides, docs: Markdown with JBake headers) with JBake into the site
 * folder, through {@code templates/page.ftl}. JBake's own index, feed, archive, tag and sitemap pages
 * are off: the generator writes those for the models.
 */
final class ContentBake {
    private ContentBake() {
    }

    /** @return how many Markdown documents content/ holds (all baked) */
    static int bake(SiteOptions options, Path out) throws IOException {
        // OrientDB (JBake's document store) prints to the console below SEVERE.
        System.setProperty("log.console.level", "SEVERE");
        System.setProperty("log.file.level", "SEVERE");
        // Its in-memory store creates users with PBKDF2 password hashes (65,536 rounds each): pointless for a
        // store that lives for one bake, and half a second of CPU on every full build.
        System.setProperty("security.userPasswordSaltIterations", "1");
        DefaultJBakeConfiguration cfg;
        try {
            cfg = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(options.source().toFile(), out.toFile(), true);
        } catch (RuntimeException e) {
            throw new IOException("cannot configure JBake on " + options.source() + ": " + e.getMessage(), e);
        }
        cfg.setContentFolder(options.content().toFile());
        cfg.setTemplateFolder(options.templates().toFile());
        cfg.setAssetFolder(options.templates().resolve("assets").toFile());
        cfg.setDestinationFolder(out.toFile());
        cfg.setSiteHost(options.baseUrl());
        cfg.setDefaultStatus("published");
        cfg.setDefaultType("page");
        cfg.setMarkdownExtensions("AUTOLINKS", "FENCED_CODE_BLOCKS", "DEFINITIONS", "TABLES", "ANCHORLINKS", "STRIKETHROUGH");
        for (String off : List.of("render.index", "render.feed", "render.archive", "render.tags", "render.sitemap", "render.error404")) {
            cfg.setProperty(off, false);
        }
        cfg.setProperty("db.store", "memory");
        Oven oven = new Oven(cfg);
        oven.bake();
        List<Throwable> errors = oven.getErrors();
        if (!errors.isEmpty()) {
            Throwable first = errors.get(0);
            throw new IOException("JBake failed with " + errors.size() + " error(s) baking " + options.content() + "; first: " + first.getMessage());
        }
        try (var files = java.nio.file.Files.walk(options.content())) {
            return (int) files.filter(p -> p.toString().endsWith(".md")).count();
        }
    }
}
