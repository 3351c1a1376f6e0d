package org.slmhub.site;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Freemarker configuration: the same template folder, version and encoding JBake's Freemarker
 * engine uses, so content pages (baked by JBake) and model pages (rendered here) share
 * {@code layout.ftl}. Each template opts into HTML auto-escaping with {@code <#ftl output_format="HTML">}
 * (JBake's engine sees only that); here HTML is also the default, so a template without the header escapes too.
 */
public final class SiteTemplates {
    private final Configuration config;
    private final Map<String, Object> site;
    private final Path folder;

    public SiteTemplates(Path folder, Map<String, Object> site) throws IOException {
        if (!Files.isRegularFile(folder.resolve("layout.ftl"))) {
            throw new IOException("no site templates in " + folder + " (expected layout.ftl; pass --source DIR, the repository root)");
        }
        config = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS);
        config.setTemplateLoader(new FileTemplateLoader(folder.toFile()));
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        this.site = site;
        this.folder = folder;
    }

    /**
     * Parses every template of the folder now (Freemarker keeps them), so the first page renders at
     * once. A template that does not parse is left for {@link #render} to report, with its page.
     */
    public SiteTemplates preload() {
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".ftl")).sorted().toList()) {
                try {
                    config.getTemplate(f.getFileName().toString());
                } catch (IOException e) {
                    // reported when a page uses it
                }
            }
        } catch (IOException e) {
            // the same: render reads each template again
        }
        return this;
    }

    /** Renders a page; the template sees the page's data at the top level and the site settings as {@code site}. */
    public void render(Page page, Writer out) throws IOException {
        Map<String, Object> model = new HashMap<>(page.data());
        model.put("site", site);
        model.put("path", page.path());
        try {
            config.getTemplate(page.template()).process(model, out);
        } catch (TemplateException | IOException e) { // Freemarker's messages span lines; the first says what failed
            throw new IOException("template " + page.template() + " failed for " + page.path() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
