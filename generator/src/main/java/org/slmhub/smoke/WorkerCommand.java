package org.slmhub.smoke;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts a worker JVM: this JVM's {@code java} and classpath, the request's heap, a private temp
 * folder that is also its {@code java.io.tmpdir} (ONNX Runtime extracts its libraries into a fresh
 * folder there) and DJL's and JNA's cache (see {@link DjlSettings}).
 */
final class WorkerCommand {
    private WorkerCommand() {
    }

    static Process start(WorkerTask<?, ?> task, SmokeLimits limits, Path scratch, Map<String, String> testEnvironment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(task, limits, scratch)).directory(scratch.toFile());
        builder.environment().putAll(DjlSettings.workerEnvironment(scratch));
        builder.environment().putAll(testEnvironment);
        return builder.start();
    }

    static List<String> command(WorkerTask<?, ?> task, SmokeLimits limits, Path scratch) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx" + limits.workerHeapMegabytes() + "m");
        // a short-lived single-model JVM: the serial collector and the quick compiler start fastest
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        // no hsperfdata file in the shared /tmp: nothing watches a worker through jstat
        command.add("-XX:-UsePerfData");
        command.add("-XX:ErrorFile=" + scratch.resolve("hs_err_pid%p.log"));
        command.add("-D" + NativeLibraryFolder.PROPERTY + "=" + scratch);
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-D" + DjlSettings.JNA_TMPDIR + "=" + scratch);
        command.add("-cp");
        command.add(absoluteClasspath());
        command.add(WorkerMain.class.getName());
        command.add(task.name());
        return command;
    }

    /** The worker runs in its temp folder, so relative entries (java -jar slmhub.jar) must be made absolute. */
    private static String absoluteClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
