package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slmhub.TestPaths;

/**
 * content/docs/fields.md is generated from the schema. After changing the schema, regenerate it
 * with {@code mvn -Dslmhub.update-docs=true test -Dtest=FieldReferenceTest}.
 */
class FieldReferenceTest {
    @Test
    void theFieldReferenceMatchesTheSchema() throws IOException {
        Path doc = TestPaths.repoRoot().resolve("content/docs/fields.md");
        String generated = FieldReference.markdown();
        if (Boolean.getBoolean("slmhub.update-docs")) {
            Files.writeString(doc, generated);
        }
        assertEquals(generated, Files.readString(doc),
                "content/docs/fields.md is out of date: mvn -Dslmhub.update-docs=true test -Dtest=FieldReferenceTest");
    }

    @Test
    void everyFieldOfTheSchemaIsDocumented() {
        String md = FieldReference.markdown();
        for (String field : ManifestSchema.get().propertiesAt("")) {
            assertTrue(md.contains("| `" + field + "`"), field);
        }
        for (String field : ManifestSchema.get().propertiesAt("/artifacts/0")) {
            assertTrue(md.contains("| `" + field + "`"), field);
        }
        assertTrue(md.contains("| `sha256` **required** | string | SHA-256 of the whole file, 64 lowercase hex digits. |"), md);
    }
}
