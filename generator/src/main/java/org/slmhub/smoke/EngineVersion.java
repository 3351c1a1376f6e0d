package org.slmhub.smoke;

import de.kherud.llama.LlamaModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Names the inference engine in every outcome, read from the binding's jar so it follows upgrades. */
final class EngineVersion {
    static final String DESCRIPTION = "llama.cpp via de.kherud:llama " + bindingVersion();

    private EngineVersion() {
    }

    /** The version in the binding's Maven metadata, which the shaded slmhub.jar keeps too. */
    private static String bindingVersion() {
        try (InputStream in = LlamaModel.class.getResourceAsStream("/META-INF/maven/de.kherud/llama/pom.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
