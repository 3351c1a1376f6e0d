package org.slmhub.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One case of the hostile-input corpus ({@code hostile/manifests/<case>/}): a tiny catalog under
 * {@code models/}, copied into a scratch folder and finished there by its {@code setup} file, for
 * what Git cannot hold or should not (links, folders named like files, raw bytes, megabytes).
 *
 * <p>Setup directives, one per line ({@code #} starts a comment; paths are relative to the copy):
 * <pre>
 * dir PATH                   create the folder PATH
 * symlink PATH -> TARGET     a symbolic link at PATH holding TARGET as written
 * bytes PATH                 each {xHH} in the file becomes the byte 0xHH
 * encode PATH CHARSET        rewrite the file's (UTF-8) text in CHARSET, e.g. UTF-16 or ISO-8859-1
 * crlf PATH | cr PATH        line ends become CR LF | a lone CR
 * repeat PATH COUNT TEXT     the marker {repeat} in the file becomes TEXT (the rest of the line, spaces
 *                            included), COUNT times; "\n" in TEXT is a line end
 * </pre>
 *
 * <p>Expected findings are {@code # expect: LINE:COL RULE} lines in the committed files (read
 * before the setup runs), or {@code PATH:LINE:COL RULE} lines in an {@code expect} file where the
 * file cannot hold a comment. {@code # expect-text: TEXT} (in the expect file {@code text: TEXT})
 * is text the output must contain, such as the hint that names the field a typo meant.
 */
record HostileCase(String name, Path source) {
    private static final Pattern HEX_BYTE = Pattern.compile("\\{x([0-9A-Fa-f]{2})}");
    private static final String EXPECT_COMMENT = "# expect: ";
    private static final String EXPECT_TEXT_COMMENT = "# expect-text: ";
    private static final String EXPECT_TEXT = "text: ";

    /** One expected finding: the file relative to the case folder, where, and which rule. */
    record Expected(String file, int line, int column, String rule) {
    }

    static List<HostileCase> all(Path corpus) throws IOException {
        try (Stream<Path> dirs = Files.list(corpus)) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(d -> new HostileCase(d.getFileName().toString(), d)).toList();
        }
    }

    /** Copies the case into {@code target} and runs its setup there. */
    void materialize(Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.sorted().toList()) {
                String rel = source.relativize(from).toString();
                if (rel.equals("setup") || rel.equals("expect")) {
                    continue;
                }
                Path to = target.resolve(rel);
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path setup = source.resolve("setup");
        if (Files.exists(setup)) {
            for (String line : Files.readAllLines(setup)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    apply(target, line);
                }
            }
        }
    }

    private void apply(Path root, String directive) throws IOException {
        String[] words = directive.split(" ", 4);
        Path path = root.resolve(words[1]);
        switch (words[0]) {
            case "dir" -> Files.createDirectories(path);
            case "symlink" -> {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(directive.substring(directive.indexOf(" -> ") + 4)));
            }
            case "bytes" -> {
                Matcher m = HEX_BYTE.matcher(latin1(path));
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
                }
                m.appendTail(out);
                Files.write(path, out.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
            case "encode" -> Files.write(path, Files.readString(path).getBytes(Charset.forName(words[2])));
            case "crlf" -> Files.write(path, latin1(path).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            case "cr" -> Files.write(path, latin1(path).replace("\n", "\r").getBytes(StandardCharsets.ISO_8859_1));
            case "repeat" -> {
                String text = latin1(path);
                int at = text.indexOf("{repeat}");
                if (at < 0) {
                    throw new IllegalStateException(name + ": no {repeat} marker in " + words[1]);
                }
                String unit = words[3].replace("\\n", "\n");
                String big = text.substring(0, at) + unit.repeat(Integer.parseInt(words[2])) + text.substring(at + "{repeat}".length());
                Files.write(path, big.getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> throw new IllegalStateException(name + ": unknown setup directive: " + directive);
        }
    }

    /** Bytes as chars one to one, so editing them keeps every byte that is not edited. */
    private static String latin1(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    }

    /** What the case says the validator must report, sorted. */
    List<Expected> expected() throws IOException {
        List<Expected> all = new ArrayList<>();
        Path expectFile = source.resolve("expect");
        if (Files.exists(expectFile)) {
            for (String line : Files.readAllLines(expectFile)) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(EXPECT_TEXT)) {
                    String[] parts = line.strip().split(" ");
                    String[] place = parts[0].split(":");
                    all.add(new Expected(place[0], Integer.parseInt(place[1]), Integer.parseInt(place[2]), parts[1]));
                }
            }
        }
        Path models = source.resolve("models");
        if (!Files.isDirectory(models)) {
            return sorted(all); // the setup makes the catalog
        }
        try (Stream<Path> walk = Files.walk(models)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : latin1(file).split("\r?\n|\r")) {
                    if (line.startsWith(EXPECT_COMMENT)) {
                        String[] parts = line.substring(EXPECT_COMMENT.length()).strip().split(" ");
                        String[] place = parts[0].split(":");
                        all.add(new Expected(source.relativize(file).toString(), Integer.parseInt(place[0]),
                                Integer.parseInt(place[1]), parts[1]));
                    }
                }
            }
        }
        return sorted(all);
    }

    /** Text the output must contain. */
    List<String> expectedTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        Path expectFile = source.resolve("expect");
        if (Files.exists(expectFile)) {
            Files.readAllLines(expectFile).stream().filter(l -> l.startsWith(EXPECT_TEXT))
                    .forEach(l -> texts.add(l.substring(EXPECT_TEXT.length())));
        }
        Path models = source.resolve("models");
        if (Files.isDirectory(models)) {
            try (Stream<Path> walk = Files.walk(models)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    for (String line : Files.readString(file, StandardCharsets.ISO_8859_1).split("\r?\n|\r")) {
                        if (line.startsWith(EXPECT_TEXT_COMMENT)) {
                            texts.add(new String(line.substring(EXPECT_TEXT_COMMENT.length()).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return texts;
    }

    private static List<Expected> sorted(List<Expected> all) {
        return all.stream().sorted(java.util.Comparator.comparing(Expected::toString)).toList();
    }

    /**
     * Every entry under {@code root} except the {@code cache/} folder, with its kind, size, time and
     * link target, links not followed: two snapshots differ when anything was written there. The
     * root itself is left out, as making the cache folder changes its time.
     */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root) && !root.relativize(p).startsWith("cache")).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    String link = a.isSymbolicLink() ? " -> " + Files.readSymbolicLink(p) : "";
                    entries.put(root.relativize(p).toString(),
                            (a.isDirectory() ? "dir " : a.isSymbolicLink() ? "link " : "file ") + a.size() + " " + a.lastModifiedTime() + link);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    @Override
    public String toString() {
        return name;
    }
}
