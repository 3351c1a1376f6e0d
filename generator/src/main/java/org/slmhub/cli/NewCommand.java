package org.slmhub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.ArtifactRef;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.artifact.FileDigest;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.catalog.CatalogLayout;
import org.slmhub.catalog.ManifestScaffold;
import org.slmhub.gguf.GgufFile;
import org.slmhub.gguf.GgufFormatException;
import org.slmhub.gguf.GgufReader;
import org.slmhub.validate.SpdxGuess;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = {
            "Draft a new manifest from a GGUF file.",
            "Writes models/<publisher>/<model>/model.yaml: architecture, parameters, context length,",
            "quantization and license from its header, size and sha256 from its bytes, and a marked placeholder",
            "(TODO(slmhub-new)) wherever only you can write the text. Then validate lists each placeholder by line.",
            "With --url the file is fetched through the verified store, so --sha256 and --size are required: copy them",
            "from the publisher (a digest computed from a download proves only what was downloaded)."},
        footer = {"", "Examples:",
            "  slmhub new acme/tiny-chat --gguf ~/Downloads/tiny-chat-q8_0.gguf --url https://huggingface.co/acme/tiny-chat-GGUF/resolve/<commit>/tiny-chat-q8_0.gguf",
            "  slmhub new acme/tiny-chat --url https://huggingface.co/... --sha256 <from the publisher> --size 123456789",
            "", "Exit codes: 0 drafted, 1 the file could not be had or read, 2 usage error."})
final class NewCommand implements Callable<Integer> {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PUBLISHER/MODEL", description = "The new model's id, in lowercase; also its folder under the catalog.")
    String id;

    @Option(names = "--gguf", paramLabel = "FILE", description = "The GGUF file at hand; its size and sha256 are computed.")
    Path gguf;

    @Option(names = "--url", paramLabel = "URL", description = "Where the publisher serves the file (https, pinned to a commit).")
    String url;

    @Option(names = "--sha256", paramLabel = "HEX", description = "The publisher's digest: required with --url alone, checked with --gguf.")
    String sha256;

    @Option(names = "--size", paramLabel = "BYTES", description = "The publisher's exact size: required with --url alone.")
    Long size;

    @Mixin
    CatalogOption catalogOption;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!ID.matcher(id).matches()) {
            throw new UsageException("id `" + id + "` is not <publisher>/<model> in lowercase letters, digits, `.`, `_` and `-`");
        }
        Path manifest = catalogOption.root().resolve(id).resolve(CatalogLayout.MANIFEST_NAME);
        if (Files.exists(manifest)) {
            throw new UsageException(manifest + " already exists; slmhub new never overwrites: edit it, or pick another id");
        }
        ArtifactFacts file;
        try {
            file = gguf != null ? local() : fetched();
        } catch (ArtifactException e) {
            spec.commandLine().getErr().println("slmhub: error: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        GgufFile header;
        try {
            header = GgufReader.read(file.path());
        } catch (GgufFormatException e) {
            spec.commandLine().getErr().println("slmhub: error: " + file.name() + " is not a readable GGUF file: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        String yaml = ManifestScaffold.yaml(new ManifestScaffold.Facts(id, ManifestScaffold.displayName(header.name(), header.architecture().orElse("")),
                header.architecture().orElse(""), header.parameterCount(), header.contextLength().orElse(0),
                header.license().flatMap(SpdxGuess::of), file.name(), header.quantization(), Optional.ofNullable(url),
                file.sha256(), file.size()));
        Files.createDirectories(manifest.getParent());
        try {
            Files.writeString(manifest, yaml, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(manifest + " already exists; slmhub new never overwrites");
        }
        out.println("wrote " + org.slmhub.validate.Finding.display(manifest) + "; what is left to write:");
        CatalogFiles files = CatalogFiles.read(catalogOption.root(), List.of(manifest));
        ValidationReport report = new Validator().validate(files.manifests(), List.of(manifest), files.misplaced());
        new FindingsPrinter().print(report, FindingsPrinter.Format.human, out);
        out.println("then: slmhub check (what the pull request runs); the guide is content/docs/contributing.md");
        return ExitCode.OK;
    }

    /** A file at hand: its digest is computed, and checked against --sha256 when given. */
    private ArtifactFacts local() throws IOException {
        if (!Files.isRegularFile(gguf)) {
            throw new UsageException("no such file: " + gguf);
        }
        String name = gguf.getFileName().toString();
        String digest = FileDigest.sha256(gguf);
        long bytes = Files.size(gguf);
        if (sha256 != null && !sha256.equalsIgnoreCase(digest)) {
            throw new UsageException(name + " has sha256 " + digest + ", but --sha256 says " + sha256 + ": is it the publisher's file?");
        }
        if (size != null && size != bytes) {
            throw new UsageException(name + " has " + bytes + " bytes, but --size says " + size);
        }
        return new ArtifactFacts(gguf, name, digest, bytes);
    }

    /** Only a digest from the publisher lets the verified store accept a download; none is computed here. */
    private ArtifactFacts fetched() throws ArtifactException {
        if (url == null) {
            throw new UsageException("give the file: --gguf FILE, or --url URL with --sha256 and --size from the publisher");
        }
        if (sha256 == null || size == null) {
            throw new UsageException("--url needs --sha256 and --size as the publisher lists them (on Hugging Face: the file's LFS oid and size)");
        }
        URI uri = URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new UsageException("--url " + url + " does not end in a file name");
        }
        ArtifactRef ref;
        try {
            ref = new ArtifactRef(name, uri, sha256, size);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ArtifactStore store = storeOptions.open();
        return new ArtifactFacts(store.resolve(ref).path(), name, ref.sha256(), size);
    }

    private record ArtifactFacts(Path path, String name, String sha256, long size) {
    }
}
