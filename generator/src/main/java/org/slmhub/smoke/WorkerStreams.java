package org.slmhub.smoke;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Drains a worker's stdout and stderr on daemon threads, so the worker never blocks on a full
 * pipe and the parent can wait for a line with a timeout. Of stderr it keeps the last lines and
 * the first lines that look like errors: llama.cpp logs the cause of a failed load early
 * ("gguf_init_from_file_impl: ... only supports up to version 3") and generic lines after it.
 */
final class WorkerStreams {
    /** Put on the stdout queue when stdout ends; compared by identity, since a worker may print any text. */
    private static final String END = new String("end of worker stdout");
    private static final int TAIL_LINES = 20;
    private static final int PROBLEM_LINES = 5;
    private static final Pattern PROBLEM = Pattern.compile(
            "error|fail|invalid|not within|only supports|wrong|missing|not found|unknown|exception|fatal|abort|assert", Pattern.CASE_INSENSITIVE);

    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private final Thread stderrDrain;

    private WorkerStreams(Process process) {
        daemon("smoke-worker-stdout", () -> drain(process.getInputStream(), stdout::add, true)).start();
        stderrDrain = daemon("smoke-worker-stderr", () -> drain(process.getErrorStream(), this::keep, false));
        stderrDrain.start();
    }

    static WorkerStreams attach(Process process) {
        return new WorkerStreams(process);
    }

    /** The next stdout line, an {@link #isEnd end} marker once stdout ended, or null if none came within {@code millis}. */
    String nextLine(long millis) throws InterruptedException {
        return stdout.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    static boolean isEnd(String line) {
        return line == END;
    }

    /** Waits at most {@code millis} for stderr to end, so its last lines are in before they are quoted. */
    void awaitStderr(long millis) throws InterruptedException {
        stderrDrain.join(Math.max(1, millis));
    }

    /** Why a load or generation failed: the first error-like stderr line (the cause comes before its consequences), else the last line. */
    synchronized Optional<String> firstProblemLine() {
        return quote(!problems.isEmpty() ? problems.get(0) : tail.peekLast());
    }

    /** Why a worker died: the first error-like line among the last ones (e.g. a JVM crash banner), else the last line. */
    synchronized Optional<String> crashLine() {
        return quote(tail.stream().filter(WorkerStreams::isProblem).findFirst().orElse(tail.peekLast()));
    }

    private synchronized void keep(String line) {
        if (line.isBlank()) {
            return;
        }
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
        if (problems.size() < PROBLEM_LINES && isProblem(line)) {
            problems.add(line);
        }
    }

    /** Error-like, except in llama.cpp's dumps of metadata and hyperparameters ("unknown_token_id"). */
    private static boolean isProblem(String line) {
        return PROBLEM.matcher(line).find() && !line.startsWith("llama_model_loader: - ") && !line.startsWith("print_info: ");
    }

    /** The line without llama.cpp's leading "function_name: ". */
    private static Optional<String> quote(String line) {
        return Optional.ofNullable(line).map(text -> text.replaceFirst("^\\w+:\\s+", "").strip());
    }

    private static void drain(InputStream in, Consumer<String> sink, boolean markEnd) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the stream closes when the worker is killed: that ends the drain like end of file
        } finally {
            if (markEnd) {
                sink.accept(END);
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
