package org.slmhub.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.slmhub.catalog.HumanUnits;
import org.slmhub.index.IndexException;
import org.slmhub.index.IndexLocation;
import org.slmhub.index.ModelFacet;
import org.slmhub.index.ModelIndex;
import org.slmhub.index.ModelNumber;
import org.slmhub.index.SearchRequest;
import org.slmhub.index.SearchResult;
import org.slmhub.index.SortOrder;
import org.slmhub.registry.SiteRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads only the index: no catalog, YAML or schema is loaded, so a search starts as fast as the JVM does. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Search the catalog offline, in the index that `slmhub index` builds.",
            "--index also takes a published index archive, as a file or a URL.",
            "Words match names, ids, tags, summaries and cards (names count most; prefixes and typos are forgiven).",
            "Lucene query syntax works too: license:mit AND arch:llama, \"a phrase\", qwen*, params:[100M TO 1B];",
            "its fields are the filter names below plus name, tags, summary, card, params, context, size, added, updated.",
            "Without words, the filters list every model they admit. A filter given twice matches either value."},
        footer = {"", "Examples:",
            "  slmhub search llama 1b",
            "  slmhub search --task feature-extraction --fits 500MB --sort size",
            "  slmhub search chat --license apache-2.0 --max-params 1B --facets",
            "  slmhub search --index https://example.org/slmhub-index.zip qwen",
            "  slmhub search --registry https://hub.example/ qwen",
            "", "Exit codes: 0 models found, 1 no model matched, 2 usage error (bad option or query, missing or incompatible index)."})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words, or Lucene query syntax.")
    List<String> query = new ArrayList<>();

    @Option(names = "--index", paramLabel = "PATH|URL", defaultValue = "target/index",
            description = {"An index folder, an index archive (zip, checked against FILE.sha256 when present), or an archive URL",
                "(checked against URL#sha256=HEX or URL.sha256, downloaded once into the cache) (default: ${DEFAULT-VALUE})."})
    String index;

    @Option(names = "--registry", paramLabel = "URL|DIR", defaultValue = "${env:SLMHUB_REGISTRY}",
            description = "A published slmhub site (its base URL) or a built site folder: search the index archive it publishes ("
                    + SiteIndexArchive.PATH + "), as --index would. Also SLMHUB_REGISTRY; --index overrides it.")
    String registry;

    @Option(names = "--license", paramLabel = "ID", description = "SPDX id, e.g. MIT, Apache-2.0, or `other`.")
    List<String> licenses = new ArrayList<>();
    @Option(names = "--task", paramLabel = "TAG", description = "Pipeline tag, e.g. text-generation, feature-extraction.")
    List<String> tasks = new ArrayList<>();
    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture as GGUF names it, e.g. llama, qwen2.")
    List<String> archs = new ArrayList<>();
    @Option(names = "--format", paramLabel = "FORMAT", description = "A file format the model is offered in, e.g. gguf, onnx.")
    List<String> formats = new ArrayList<>();
    @Option(names = "--quant", paramLabel = "QUANT", description = "A quantization the model is offered in, e.g. Q4_K_M.")
    List<String> quants = new ArrayList<>();
    @Option(names = "--lang", paramLabel = "CODE", description = "A language code, e.g. en, fr, code.")
    List<String> langs = new ArrayList<>();
    @Option(names = "--publisher", paramLabel = "NAME", description = "Publisher name or id prefix, e.g. Qwen, bartowski.")
    List<String> publishers = new ArrayList<>();
    @Option(names = "--tag", paramLabel = "TAG", description = "A tag, e.g. chat, embedding.")
    List<String> tags = new ArrayList<>();
    @Option(names = "--smoke", paramLabel = "STATUS", description = "Smoke status: passed, a failure such as load-failed, or unknown.")
    List<String> smoke = new ArrayList<>();

    @Option(names = "--min-params", paramLabel = "N", description = "At least this many parameters: 135M, 1.5B, 270K.")
    String minParams;
    @Option(names = "--max-params", paramLabel = "N", description = "At most this many parameters.")
    String maxParams;
    @Option(names = "--min-context", paramLabel = "N", description = "A context of at least N tokens: 8K, 32768.")
    String minContext;
    @Option(names = "--fits", paramLabel = "SIZE", description = "The smallest file is at most SIZE: 800MB, 4GB, 2GiB.")
    String fits;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "relevance (default; without words: name), params, size (smallest file), newest (added), updated or name.")
    SortOrder sort;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Models to show (default: ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--facets", description = "Also count the result set per license, task, arch, format, quant, lang, publisher, tag and smoke status.")
    boolean facets;
    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Mixin
    StoreOptions storeOptions;

    /** --index, or the archive the --registry site publishes beside its pages. */
    private String indexSpec() {
        if (registry == null || registry.isBlank() || spec.commandLine().getParseResult().hasMatchedOption("--index")) {
            return index;
        }
        return SiteRegistry.publishedFile(registry, SiteIndexArchive.PATH);
    }

    @Override
    public Integer call() throws IOException {
        SearchRequest request = request();
        IndexLocation.Resolved location;
        try {
            location = IndexLocation.resolve(indexSpec(), storeOptions::open, storeOptions.offline);
        } catch (IndexException e) {
            throw new UsageException(e.getMessage());
        }
        SearchResult result;
        try (ModelIndex opened = open(location)) {
            result = opened.search(request);
            SearchPrinter printer = new SearchPrinter(spec.commandLine().getOut());
            if (json) {
                printer.json(request, result);
            } else {
                printer.human(request, result, opened.size());
            }
        } catch (IndexException e) {
            throw new UsageException(e.getMessage());
        }
        return result.total() > 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private ModelIndex open(IndexLocation.Resolved location) throws IndexException {
        try {
            return ModelIndex.open(location.folder());
        } catch (IndexException e) {
            if (location.archive() && e.kind() == IndexException.Kind.INCOMPATIBLE) {
                throw new IndexException(e.kind(), "the search index archive " + index + " is not one this slmhub can read"
                        + "; rebuild it with `slmhub index --out DIR --archive FILE`, or get a current one");
            }
            throw e;
        }
    }

    private SearchRequest request() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        SearchRequest.Builder b = SearchRequest.builder(String.join(" ", query)).sort(sort).limit(limit).facets(facets);
        addAll(b, ModelFacet.LICENSE, licenses);
        addAll(b, ModelFacet.TASK, tasks);
        addAll(b, ModelFacet.ARCH, archs);
        addAll(b, ModelFacet.FORMAT, formats);
        addAll(b, ModelFacet.QUANT, quants);
        addAll(b, ModelFacet.LANG, langs);
        addAll(b, ModelFacet.PUBLISHER, publishers);
        addAll(b, ModelFacet.TAG, tags);
        addAll(b, ModelFacet.SMOKE, smoke);
        b.range(ModelNumber.PARAMS, parse("--min-params", minParams, HumanUnits::parseCount), parse("--max-params", maxParams, HumanUnits::parseCount));
        b.range(ModelNumber.CONTEXT, parse("--min-context", minContext, HumanUnits::parseCount), null);
        b.range(ModelNumber.SIZE, null, parse("--fits", fits, HumanUnits::parseBytes));
        return b.build();
    }

    private static void addAll(SearchRequest.Builder b, ModelFacet facet, List<String> values) {
        values.forEach(v -> b.filter(facet, v));
    }

    private static Long parse(String option, String text, ToLongFunction<String> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.applyAsLong(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
