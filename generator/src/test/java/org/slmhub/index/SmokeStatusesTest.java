package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeStatusesTest {
    @TempDir
    Path tmp;

    @Test
    void aModelPassesOnlyWhenEveryFilePassed() throws Exception {
        Path report = tmp.resolve("report.json");
        Files.writeString(report, """
                {"format": 1, "results": [
                  {"id": "acme/one", "status": "passed"},
                  {"id": "acme/two", "status": "passed"}, {"id": "acme/two", "status": "timed-out"}, {"id": "acme/two", "status": "crashed"},
                  {"id": "acme/three", "status": "load-failed"}, {"id": "acme/three", "status": "passed"}]}
                """);
        assertEquals(Map.of("acme/one", "passed", "acme/two", "timed-out", "acme/three", "load-failed"), SmokeStatuses.read(report));
    }

    @Test
    void aFileThatIsNoReportSaysSo() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("a.json"), "{\"results\": [");
        assertEquals(notJson + " is not a smoke report: invalid JSON at line 1, column 14",
                assertThrows(IndexException.class, () -> SmokeStatuses.read(notJson)).getMessage());
        Path other = Files.writeString(tmp.resolve("b.json"), "{\"files\": 3}");
        assertEquals(other + " is not a smoke report: it has no `results` list (write one with `slmhub smoke --report FILE`)",
                assertThrows(IndexException.class, () -> SmokeStatuses.read(other)).getMessage());
        Path absent = tmp.resolve("absent.json");
        assertEquals("smoke report " + absent + " not found",
                assertThrows(IndexException.class, () -> SmokeStatuses.read(absent)).getMessage());
    }
}
