package org.slmhub.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ModelHistory;

/**
 * Every page the generator renders (JBake renders content/ itself): home, the model list, one
 * page per model, listings per license, task, architecture and publisher, compare and 404.
 * The model list and the listings are split into pages of {@link #PAGE_SIZE} rows.
 */
public final class SitePlan {
    /** Rows per list page: keeps every list page small however large the catalog grows. */
    public static final int PAGE_SIZE = 100;

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
        return of(entries, history, smoke, options, new SiteMemo());
    }

    /** The plan, reusing rows and model pages {@code memo} kept from earlier builds when nothing they show changed. */
    public static List<Page> of(List<CatalogEntry> entries, Map<String, ModelHistory.Dates> history, SmokeResults smoke, SiteOptions options,
                                SiteMemo memo) {
        return of(entries, history, smoke, options, memo, ManifestDigests.NONE);
    }

    /**
     * The plan; a page's data is made only when it is rendered (or indexed), a page's key, made
     * from its models' keys ({@link Rows}), tells whether it changed.
     */
    static List<Page> of(List<CatalogEntry> entries, Map<String, ModelHistory.Dates> history, SmokeResults smoke, SiteOptions options,
                         SiteMemo memo, ManifestDigests digests) {
        return of(entries, new Rows(entries, history, options.baseUrl(), memo, digests), history, smoke, options, memo);
    }

    /** The plan over {@code rows}, made by the caller from the same entries, history and base URL. */
    static List<Page> of(List<CatalogEntry> entries, Rows rows, Map<String, ModelHistory.Dates> history, SmokeResults smoke, SiteOptions options,
                         SiteMemo memo) {
        List<ModelManifest> models = entries.stream().map(CatalogEntry::manifest)
                .sorted(Comparator.comparing(ModelManifest::id)).toList();
        // the parts on every core: at 10,000 models planning is a fifth of a one-model rebuild
        CompletableFuture<List<Page>> modelPages = CompletableFuture.supplyAsync(() -> modelPages(entries, smoke, options, rows, memo));
        CompletableFuture<List<Page>> listings = CompletableFuture.supplyAsync(
                () -> DIMENSIONS.parallelStream().flatMap(d -> listings(d, models, rows).stream()).toList());
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("index.html", "home.ftl", home(models, rows, history)));
        pages.addAll(paginated("models/", "models.ftl", "All models", searchChoices(models, history), rows.list(models.stream().map(ModelManifest::id).toList())));
        pages.addAll(modelPages.join());
        pages.addAll(listings.join());
        pages.add(new Page("compare/index.html", "compare.ftl", Map.of("title", "Compare models")));
        pages.add(new Page("404.html", "404.ftl", Map.of("title", "Not found")));
        return pages;
    }

    private static Map<String, Object> home(List<ModelManifest> models, Rows rows, Map<String, ModelHistory.Dates> history) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", "Small language models");
        data.put("modelCount", Integer.toString(models.size()));
        data.put("publisherCount", Long.toString(models.stream().map(ModelManifest::publisherSlug).distinct().count()));
        data.put("artifactCount", Long.toString(models.stream().mapToLong(m -> m.artifacts().size()).sum()));
        data.put("licenseCount", Long.toString(models.stream().map(ModelView::licenseLabel).distinct().count()));
        Comparator<ModelManifest> newest = Comparator.comparing(
                (ModelManifest m) -> history.containsKey(m.id()) ? history.get(m.id()).added().toEpochMilli() : 0L).reversed()
                .thenComparing(ModelManifest::id);
        data.put("newest", rows.list(models.stream().sorted(newest).limit(NEWEST).map(ModelManifest::id).toList()));
        data.put("tasks", topValues(models, DIMENSIONS.get(1)));
        data.put("licenses", topValues(models, DIMENSIONS.get(0)));
        return data;
    }

    private static List<Page> modelPages(List<CatalogEntry> entries, SmokeResults smoke, SiteOptions options, Rows rows, SiteMemo memo) {
        Map<String, List<String>> derivatives = new HashMap<>();
        for (CatalogEntry e : entries) {
            for (String b : e.manifest().baseModel()) {
                derivatives.computeIfAbsent(b.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.manifest().id());
            }
        }
        CardHtml cards = new CardHtml();
        // keys on every core: at 10,000 models planning is most of a one-model rebuild after reading the catalog
        return entries.parallelStream().map(e -> {
            ModelManifest m = e.manifest();
            List<String> derivedIds = derivatives.getOrDefault(m.id(), List.of()).stream().filter(d -> !d.equals(m.id())).sorted().toList();
            String edit = options.repoUrl() + "/edit/main/models/" + m.id() + "/model.yaml";
            // everything the page shows besides the code and templates: its row, smoke result, lineage (the bases
            // that are in the catalog link to them, derivatives show their rows) and edit link
            StringBuilder key = new StringBuilder(256 + derivedIds.size() * 120).append(rows.key(m.id())).append('\n')
                    .append(smoke.of(m.id())).append('\n');
            for (String b : m.baseModel()) {
                String id = b.toLowerCase(Locale.ROOT);
                key.append("base ").append(b).append(rows.has(id) && !id.equals(m.id()) ? " linked" : "").append('\n');
            }
            List<Map<String, Object>> derived = rows.list(derivedIds);
            key.append(((Keyed) derived).key()).append(edit);
            String pageKey = key.toString();
            return new Page(ModelView.modelPath(m.id()) + "index.html", PagefindRecords.MODEL_TEMPLATE, pageKey,
                    () -> memo.get("page", m, pageKey, () -> {
                        List<Map<String, String>> bases = m.baseModel().stream().map(b -> {
                            String id = b.toLowerCase(Locale.ROOT);
                            return rows.has(id) && !id.equals(m.id()) ? Map.of("name", b, "url", (String) rows.row(id).get("url")) : Map.of("name", b, "url", "");
                        }).toList();
                        ModelView.Context c = new ModelView.Context(options.baseUrl(), cards.lazy(m.card()), rows.dates(m.id()),
                                smoke.of(m.id()), bases, derived, edit);
                        return ModelView.page(m, c);
                    }));
        }).toList();
    }

    private static List<Page> listings(Dimension d, List<ModelManifest> models, Rows rows) {
        List<Page> pages = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        bySlug(d, models).forEach((slug, group) -> {
            String url = d.folder() + "/" + slug + "/";
            List<Map<String, Object>> list = rows.list(group.models().stream().map(ModelManifest::id).toList());
            values.add(Map.of("name", group.name(), "path", url, "count", Integer.toString(list.size())));
            pages.addAll(paginated(url, "listing.ftl", d.title() + ": " + group.name(), Map.of("dimension", d.title(), "folder", d.folder()), list));
        });
        pages.add(new Page(d.folder() + "/index.html", "listing-index.ftl", Map.of("title", d.title() + "s", "values", values)));
        return pages;
    }

    /** The models sharing one listing page, under the first of their values (in id order). */
    private record Group(String name, List<ModelManifest> models) {
    }

    /**
     * A dimension's values grouped by their slug, in name order: values that differ only in case or
     * punctuation ("Acme AI", "acme-ai") share one page, since they would otherwise write the same path.
     */
    private static Map<String, Group> bySlug(Dimension d, List<ModelManifest> models) {
        Map<String, Group> groups = new HashMap<>();
        for (ModelManifest m : models) {
            String value = d.value().apply(m);
            groups.computeIfAbsent(Slugs.of(value), k -> new Group(value, new ArrayList<>())).models().add(m);
        }
        Map<String, Group> ordered = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing((Group g) -> g.name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Group::name))).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * Splits rows into pages of PAGE_SIZE: page 1 at {@code folder}, page n at {@code folder/page/n/}.
     * Each page gets the shared data, its rows, and a pager (number, count, neighbours' paths).
     */
    private static List<Page> paginated(String folder, String template, String heading, Map<String, Object> shared,
                                        List<Map<String, Object>> rows) {
        int count = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        String titled = heading + " (" + HumanUnits.grouped(rows.size()) + ")";
        List<Page> pages = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Map<String, Object> data = new HashMap<>(shared);
            data.put("heading", titled);
            data.put("title", n == 1 ? titled : titled + ", page " + n);
            data.put("total", HumanUnits.grouped(rows.size()));
            data.put("models", rows.subList((n - 1) * PAGE_SIZE, Math.min(rows.size(), n * PAGE_SIZE))); // rows made only if rendered
            data.put("pager", Map.of("number", Integer.toString(n), "count", Integer.toString(count),
                    "prev", n == 1 ? "" : pagePath(folder, n - 1), "next", n == count ? "" : pagePath(folder, n + 1)));
            pages.add(new Page(pagePath(folder, n) + "index.html", template, data));
        }
        return pages;
    }

    private static String pagePath(String folder, int n) {
        return n == 1 ? folder : folder + "page/" + n + "/";
    }

    /**
     * The search form's choices, computed here over the whole catalog so the browser never asks
     * Pagefind for them (that would download every filter chunk): per filter the values model
     * pages declare with their model counts, and the sort orders.
     */
    private static Map<String, Object> searchChoices(List<ModelManifest> models, Map<String, ModelHistory.Dates> history) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Long> smallest = new HashMap<>();
        for (ModelManifest m : models) {
            ModelView.filters(m).forEach((name, values) -> values.stream().filter(v -> !v.isEmpty()).distinct()
                    .forEach(v -> counts.computeIfAbsent(name, k -> new HashMap<>()).merge(v, 1L, Long::sum)));
            smallest.merge(HumanUnits.sizeBand(m.parameters()), m.parameters(), Math::min);
        }
        Comparator<String> byName = Comparator.comparing((String v) -> v.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());
        List<Map<String, Object>> filters = new ArrayList<>();
        counts.forEach((name, values) -> {
            // size bands read best small to large, everything else alphabetically
            Comparator<String> order = name.equals("size") ? Comparator.comparing(smallest::get) : byName;
            filters.add(Map.of("name", name, "label", Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    "options", values.keySet().stream().sorted(order)
                            .map(v -> Map.of("value", v, "count", values.get(v).toString())).toList()));
        });
        List<Map<String, String>> sorts = new ArrayList<>(List.of(Map.of("value", "", "label", "relevance"),
                Map.of("value", "params:asc", "label", "smallest first"), Map.of("value", "params:desc", "label", "largest first")));
        // Pagefind leaves pages without a sort key out of sorted results: offer the date only when every model has one
        if (!models.isEmpty() && models.stream().allMatch(m -> history.containsKey(m.id()))) {
            sorts.add(Map.of("value", "date:desc", "label", "recently updated"));
        }
        return Map.of("filterChoices", filters, "sorts", sorts);
    }

    private static List<Map<String, Object>> topValues(List<ModelManifest> models, Dimension d) {
        return bySlug(d, models).entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Group> e) -> e.getValue().models().size()).reversed()).limit(8)
                .map(e -> Map.<String, Object>of("name", e.getValue().name(), "path", d.folder() + "/" + e.getKey() + "/",
                        "count", Integer.toString(e.getValue().models().size()))).toList();
    }
}
