package org.slmhub.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ModelHistory;

/**
 * Every page the generator renders (JBake renders content/ itself): home, the model list, one
 * page per model, listings per license, task, architecture and publisher, compare and 404.
 */
public final class SitePlan {
    /** A listing dimension: its folder, its heading, and how a model's value is read. */
    private record Dimension(String folder, String title, Function<ModelManifest, String> value) {
    }

    private static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("licenses", "License", ModelView::licenseLabel),
            new Dimension("tasks", "Task", m -> m.pipelineTag() == null ? "unknown" : m.pipelineTag()),
            new Dimension("architectures", "Architecture", m -> m.architecture() == null ? "unknown" : m.architecture()),
            new Dimension("publishers", "Publisher", ModelManifest::publisher));
    private static final int NEWEST = 12;

    private SitePlan() {
    }

    public static List<Page> of(List<CatalogEntry> entries, Map<String, ModelHistory.Dates> history, SmokeResults smoke, SiteOptions options) {
        String base = options.baseUrl();
        List<ModelManifest> models = entries.stream().map(CatalogEntry::manifest)
                .sorted(Comparator.comparing(ModelManifest::id)).toList();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        models.forEach(m -> rows.put(m.id(), ModelView.row(m, history.get(m.id()), base)));
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("index.html", "home.ftl", home(models, rows, history)));
        pages.add(new Page("models/index.html", "models.ftl", Map.of("title", "All models", "models", List.copyOf(rows.values()))));
        pages.addAll(modelPages(entries, history, smoke, options, rows));
        for (Dimension d : DIMENSIONS) {
            pages.addAll(listings(d, models, rows));
        }
        pages.add(new Page("compare/index.html", "compare.ftl", Map.of("title", "Compare models")));
        pages.add(new Page("404.html", "404.ftl", Map.of("title", "Not found")));
        return pages;
    }

    private static Map<String, Object> home(List<ModelManifest> models, Map<String, Map<String, Object>> rows,
                                            Map<String, ModelHistory.Dates> history) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", "Small language models");
        data.put("modelCount", Integer.toString(models.size()));
        data.put("publisherCount", Long.toString(models.stream().map(ModelManifest::publisherSlug).distinct().count()));
        data.put("artifactCount", Long.toString(models.stream().mapToLong(m -> m.artifacts().size()).sum()));
        data.put("licenseCount", Long.toString(models.stream().map(ModelView::licenseLabel).distinct().count()));
        Comparator<ModelManifest> newest = Comparator.comparing(
                (ModelManifest m) -> history.containsKey(m.id()) ? history.get(m.id()).added().toEpochMilli() : 0L).reversed()
                .thenComparing(ModelManifest::id);
        data.put("newest", models.stream().sorted(newest).limit(NEWEST).map(m -> rows.get(m.id())).toList());
        data.put("tasks", topValues(models, DIMENSIONS.get(1)));
        data.put("licenses", topValues(models, DIMENSIONS.get(0)));
        return data;
    }

    private static List<Page> modelPages(List<CatalogEntry> entries, Map<String, ModelHistory.Dates> history, SmokeResults smoke,
                                         SiteOptions options, Map<String, Map<String, Object>> rows) {
        Map<String, List<String>> derivatives = new HashMap<>();
        for (CatalogEntry e : entries) {
            for (String b : e.manifest().baseModel()) {
                derivatives.computeIfAbsent(b.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.manifest().id());
            }
        }
        CardHtml cards = new CardHtml();
        return entries.parallelStream().map(e -> {
            ModelManifest m = e.manifest();
            List<Map<String, String>> bases = m.baseModel().stream().map(b -> {
                String id = b.toLowerCase(Locale.ROOT);
                return rows.containsKey(id) && !id.equals(m.id()) ? Map.of("name", b, "url", (String) rows.get(id).get("url")) : Map.of("name", b, "url", "");
            }).toList();
            List<Map<String, Object>> derived = derivatives.getOrDefault(m.id(), List.of()).stream()
                    .filter(d -> !d.equals(m.id())).sorted().map(rows::get).toList();
            String edit = options.repoUrl() + "/edit/main/models/" + m.id() + "/model.yaml";
            ModelView.Context c = new ModelView.Context(options.baseUrl(), cards.lazy(m.card()), history.get(m.id()),
                    smoke.of(m.id()), bases, derived, edit);
            return new Page(ModelView.modelPath(m.id()) + "index.html", "model.ftl", ModelView.page(m, c));
        }).toList();
    }

    private static List<Page> listings(Dimension d, List<ModelManifest> models, Map<String, Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        models.forEach(m -> groups.computeIfAbsent(d.value().apply(m), k -> new ArrayList<>()).add(rows.get(m.id())));
        List<Page> pages = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        groups.forEach((value, list) -> {
            String url = d.folder() + "/" + Slugs.of(value) + "/";
            values.add(Map.of("name", value, "path", url, "count", Integer.toString(list.size())));
            pages.add(new Page(url + "index.html", "listing.ftl",
                    Map.of("title", d.title() + ": " + value, "dimension", d.title(), "folder", d.folder(), "models", list)));
        });
        pages.add(new Page(d.folder() + "/index.html", "listing-index.ftl", Map.of("title", d.title() + "s", "values", values)));
        return pages;
    }

    private static List<Map<String, Object>> topValues(List<ModelManifest> models, Dimension d) {
        Map<String, Long> counts = new TreeMap<>();
        models.forEach(m -> counts.merge(d.value().apply(m), 1L, Long::sum));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> Map.<String, Object>of("name", e.getKey(), "path", d.folder() + "/" + Slugs.of(e.getKey()) + "/",
                        "count", e.getValue().toString())).toList();
    }
}
