package org.slmhub.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogLayout;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.catalog.SourcePosition;

/** Level 3 rules that need only one manifest: naming, license, card sections, self-consistency. */
final class ManifestRules {
    /** The card sections every model must have (lower-cased for comparison). */
    static final List<String> CARD_SECTIONS = List.of("Intended use", "Limitations", "Training data", "Bias and risks");
    static final String OTHER_LICENSE = "other";
    private static final Pattern HEADING_MARK = Pattern.compile("#{1,6}\\s+");
    private static final Pattern UNPINNED_HF = Pattern.compile("^https://huggingface\\.co/.+/resolve/(main|master)/.*");

    List<Finding> check(CatalogEntry entry) {
        List<Finding> out = new ArrayList<>();
        ModelManifest m = entry.manifest();
        String expectedId = CatalogLayout.expectedId(entry.file());
        if (!m.id().equals(expectedId)) {
            out.add(error(entry, "/id", Rule.ID_FOLDER, Rule.ID_FOLDER.message(quote(m.id()), quote(expectedId))));
        }
        checkLicense(entry, out);
        checkCard(entry, out);
        checkLineage(entry, out);
        checkSmoke(entry, out);
        out.addAll(new SmokeFieldRules().check(entry));
        out.addAll(Placeholder.find(entry.file()));
        Set<String> files = new HashSet<>();
        for (int i = 0; i < m.artifacts().size(); i++) {
            ModelManifest.Artifact a = m.artifacts().get(i);
            if (!files.add(a.file())) {
                out.add(error(entry, "/artifacts/" + i + "/file", Rule.DUPLICATE_FILE, Rule.DUPLICATE_FILE.message(quote(a.file()))));
            }
            if (UNPINNED_HF.matcher(a.url()).matches()) {
                out.add(new Finding(entry.file(), entry.at("/artifacts/" + i + "/url"), Severity.WARNING, Rule.URL_UNPINNED,
                        Rule.URL_UNPINNED.message(a.file()), Rule.URL_UNPINNED.hint()));
            }
        }
        return out;
    }

    private void checkLicense(CatalogEntry entry, List<Finding> out) {
        ModelManifest m = entry.manifest();
        String license = m.license();
        if (license.contains(Placeholder.MARKER)) {
            return; // reported once, as the placeholder it is
        }
        if (license.equals(OTHER_LICENSE)) {
            List<String> missing = new ArrayList<>();
            if (m.licenseName() == null) {
                missing.add("license_name");
            }
            if (m.licenseLink() == null) {
                missing.add("license_link");
            }
            if (!missing.isEmpty()) {
                out.add(error(entry, "/license", Rule.LICENSE_OTHER,
                        Rule.LICENSE_OTHER.message("`license: other` needs " + String.join(" and ", missing))));
            }
            return;
        }
        if (m.licenseName() != null) {
            out.add(error(entry, "/license_name", Rule.LICENSE_OTHER,
                    Rule.LICENSE_OTHER.message("`license_name` goes with `license: other`, but license is " + quote(license))));
        }
        var found = SpdxLicenses.get().find(license);
        if (found.isEmpty()) {
            out.add(error(entry, "/license", Rule.LICENSE_SPDX, Rule.LICENSE_SPDX.message(quote(license), "is not an SPDX license identifier")));
        } else if (!found.get().id().equals(license)) {
            out.add(error(entry, "/license", Rule.LICENSE_SPDX,
                    Rule.LICENSE_SPDX.message(quote(license), "must be spelled as SPDX does: " + quote(found.get().id()))));
        } else if (found.get().deprecated()) {
            String instead = found.get().successor().map(s -> "; use " + quote(s)).orElse("");
            out.add(error(entry, "/license", Rule.LICENSE_SPDX,
                    Rule.LICENSE_SPDX.message(quote(license), "is a deprecated SPDX identifier" + instead)));
        }
    }

    private void checkCard(CatalogEntry entry, List<Finding> out) {
        Set<String> headings = headings(entry.manifest().card());
        List<String> missing = CARD_SECTIONS.stream().filter(s -> !headings.contains(s.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing.stream().map(s -> "`## " + s + "`").toList());
            out.add(new Finding(entry.file(), entry.yaml().keyPosition("/card"), Severity.ERROR, Rule.CARD_SECTIONS,
                    Rule.CARD_SECTIONS.message(missing.size() == 1 ? "" : "s", names), Rule.CARD_SECTIONS.hint()));
        }
    }

    /**
     * The titles of a card's Markdown headings, in lower case. Only lines that start with '#' become
     * strings, found with String#indexOf: a loop of charAt calls over every card took a fifth of the
     * rules' time under the C1 compiler.
     */
    static Set<String> headings(String card) {
        Set<String> headings = new HashSet<>();
        if (card.indexOf('\r') >= 0) { // rare: String#lines() also ends a line there
            card.lines().filter(line -> line.startsWith("#")).forEach(line -> addHeading(headings, line));
            return headings;
        }
        for (int start = card.startsWith("#") ? 0 : nextHeadingLine(card, 0); start >= 0; start = nextHeadingLine(card, start)) {
            int end = card.indexOf('\n', start);
            addHeading(headings, card.substring(start, end < 0 ? card.length() : end));
        }
        return headings;
    }

    /** Where the next line that starts with '#' after {@code from} starts, or -1. */
    private static int nextHeadingLine(String card, int from) {
        int at = card.indexOf("\n#", from);
        return at < 0 ? -1 : at + 1;
    }

    private static void addHeading(Set<String> headings, String line) {
        String title = headingTitle(line);
        if (title != null) {
            headings.add(title.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The title of a Markdown heading line ({@code ## Limitations ##} gives {@code Limitations}), or
     * null. The closing hashes and blanks are cut by hand: the pattern {@code #{1,6}\s+(.+?)\s*#*\s*}
     * that did it backtracks cubically, and one card line with a long run of blanks in a heading
     * kept validation busy for minutes.
     */
    static String headingTitle(String line) {
        Matcher mark = HEADING_MARK.matcher(line);
        if (!mark.lookingAt()) {
            return null;
        }
        int start = mark.end();
        int end = skipBack(line, start, line.length(), ManifestRules::isBlank);
        end = skipBack(line, start, end, c -> c == '#');
        end = skipBack(line, start, end, ManifestRules::isBlank);
        return end > start ? line.substring(start, end) : null;
    }

    private static int skipBack(String text, int start, int end, java.util.function.IntPredicate skipped) {
        while (end > start && skipped.test(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private void checkLineage(CatalogEntry entry, List<Finding> out) {
        ModelManifest m = entry.manifest();
        Map<String, Integer> bases = new LinkedHashMap<>();
        for (int i = 0; i < m.baseModel().size(); i++) {
            bases.put(m.baseModel().get(i), i);
        }
        bases.forEach((base, i) -> {
            if (base.equals(m.id())) { // exact: "Qwen/Qwen2.5-0.5B" is the upstream of catalog id "qwen/qwen2.5-0.5b"
                out.add(error(entry, "/base_model/" + i, Rule.BASE_MODEL_SELF, Rule.BASE_MODEL_SELF.message("base_model lists the model itself")));
            }
        });
        if (m.baseModelRelation() != null && m.baseModel().isEmpty()) {
            out.add(error(entry, "/base_model_relation", Rule.BASE_MODEL_SELF,
                    Rule.BASE_MODEL_SELF.message("base_model_relation is set but base_model is missing")));
        }
    }

    private void checkSmoke(CatalogEntry entry, List<Finding> out) {
        ModelManifest.Smoke smoke = entry.manifest().smoke();
        if (smoke != null && smoke.expect() != null && smoke.expect().regex() != null) {
            try {
                Pattern.compile(smoke.expect().regex());
            } catch (PatternSyntaxException e) {
                out.add(error(entry, "/smoke/expect/regex", Rule.SMOKE_REGEX, Rule.SMOKE_REGEX.message(e.getDescription())));
            }
        }
    }

    private static Finding error(CatalogEntry entry, String pointer, Rule rule, String message) {
        SourcePosition at = entry.at(pointer);
        return Finding.error(entry.file(), at, rule, message, rule.hint());
    }

    /** A value in quotes, cut when long. */
    static String quote(String s) {
        return "\"" + cut(s) + "\"";
    }

    /** Text a message quotes from the manifest, cut to 60 characters: a hostile manifest must not flood the output. */
    static String cut(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
