package org.slmhub.smoke;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker JVM that {@link ForkedWorker} starts: {@code WorkerMain <task> [request.json]}. It
 * reads the {@link WorkerTask}'s request as JSON (from the file if named, else stdin), runs it
 * ({@link InProcessEngine} for {@code generate}, {@link SentenceEmbedder} for {@code embed}),
 * prints {@code SLMHUB-LOADED <ms>} when the model is loaded and {@code SLMHUB-RESULT <json>} at
 * the end, then halts: llama.cpp's binding leaves a native thread that would keep the JVM alive
 * after the model is closed. An unknown task or a request it cannot read makes it exit with code 2
 * and the reason on stderr.
 */
public final class WorkerMain {
    static final int BAD_REQUEST = 2;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int exitCode = 1;
        try {
            WorkerTask<?, ?> task = args.length > 0 ? WorkerTask.named(args[0]).orElse(null) : null;
            if (task == null) {
                System.err.println("slmhub smoke worker: the first argument must name a task: "
                        + WorkerTask.ALL.stream().map(WorkerTask::name).toList());
                exitCode = BAD_REQUEST;
                return;
            }
            exitCode = serve(task, args, out);
        } catch (RuntimeException | Error e) {
            System.err.println("slmhub smoke worker failed: " + e);
        } finally {
            out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(exitCode);
        }
    }

    private static <R, T extends WorkerResult<T>> int serve(WorkerTask<R, T> task, String[] args, PrintStream out) {
        R request;
        try {
            String json = args.length > 1 ? Files.readString(Path.of(args[1]))
                    : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            request = WorkerProtocol.fromJson(json, task.requestType());
        } catch (IOException | RuntimeException e) {
            System.err.println("slmhub smoke worker: cannot read the request: " + e.getMessage());
            return BAD_REQUEST;
        }
        String pause = System.getenv(WorkerProtocol.TEST_PAUSE_ENV);
        pauseIfTesting(pause, "load");
        T outcome = task.runner().run(request, loadMillis -> {
            emit(out, WorkerProtocol.LOADED + loadMillis);
            pauseIfTesting(pause, "generate");
        });
        emit(out, WorkerProtocol.RESULT + WorkerProtocol.toJson(outcome.withPeakRssBytes(PeakMemory.ofThisProcess())));
        return 0;
    }

    /** On a line of its own: native code may have left a partial line on stdout. */
    private static void emit(PrintStream out, String line) {
        out.print('\n');
        out.print(line);
        out.print('\n');
        out.flush();
    }

    /**
     * Test hook ({@link WorkerProtocol#TEST_PAUSE_ENV} = {@code phase:what}): in that phase, sleep
     * that many milliseconds, or misbehave the way a broken native library could: {@code spin}
     * (a busy loop), {@code native-memory} or {@code heap-memory} (allocate without end).
     */
    private static void pauseIfTesting(String pause, String phase) {
        if (pause == null || !pause.startsWith(phase + ":")) {
            return;
        }
        String what = pause.substring(phase.length() + 1);
        try {
            switch (what) {
                case "spin" -> spin();
                case "native-memory" -> RunawayWorker.allocateNativeWithoutEnd();
                case "heap-memory" -> RunawayWorker.allocateHeapWithoutEnd();
                default -> Thread.sleep(Long.parseLong(what));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void spin() {
        long n = 0;
        while (true) {
            n = n * 31 + 1;
            if (n == 42) {
                System.err.print("");
            }
        }
    }
}
