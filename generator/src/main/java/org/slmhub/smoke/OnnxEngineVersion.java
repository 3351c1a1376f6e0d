package org.slmhub.smoke;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the embedding engine in every {@link EmbeddingOutcome}, from resources that both the Maven
 * jars and the shaded slmhub.jar keep (the jars' manifests are dropped by shading), without loading
 * any native library: a failed load must still be able to say which engine failed.
 */
final class OnnxEngineVersion {
    private static final String UNKNOWN = "(unknown version)";
    private static final Pattern POM_VERSION = Pattern.compile("<version>([^<]+)</version>");
    static final String DESCRIPTION = "ONNX Runtime " + onnxRuntime() + ", DJL tokenizers " + tokenizers();

    private OnnxEngineVersion() {
    }

    /** The first {@code <version>} of ONNX Runtime's pom.xml: it has no parent, so that is its own. */
    private static String onnxRuntime() {
        try (InputStream in = OnnxEngineVersion.class.getResourceAsStream(
                "/META-INF/maven/com.microsoft.onnxruntime/onnxruntime/pom.xml")) {
            if (in == null) {
                return UNKNOWN;
            }
            Matcher m = POM_VERSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? m.group(1).strip() : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** "0.21.0-0.38.0" in DJL's platform file: the Hugging Face tokenizers version, then DJL's. */
    private static String tokenizers() {
        try (InputStream in = OnnxEngineVersion.class.getResourceAsStream("/native/lib/tokenizers.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String[] versions = properties.getProperty("version", "").split("-");
            return versions.length == 2 ? versions[1] + " (Hugging Face tokenizers " + versions[0] + ")" : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
