package org.feedbackloop.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.LogManager;

/** What the three mains share: logging set-up, running a server until SIGTERM/SIGINT, exit codes. */
final class Foreground {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 64;

    private Foreground() {
    }

    /**
     * One-line JDK logging to stderr (zonky and Broker-J log through SLF4J, bound to JDK logging), unless
     * the caller chose a configuration with {@code -Djava.util.logging.config.file}.
     */
    static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = Foreground.class.getResourceAsStream("logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("devinfra: could not read the logging configuration: " + e);
        }
    }

    /** A server that a main starts, keeps running until the process is told to stop, and then closes. */
    interface Server extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts a server; what it throws is reported as "could not start". */
    interface Starter<S extends Server> {
        S start() throws Exception;
    }

    /**
     * Starts the server, prints {@code readyLine} to stdout, and blocks until SIGTERM/SIGINT, when a shutdown hook
     * closes the server. The hook is registered before the start, so that a signal that comes while the server is
     * still starting stops it too (once started) rather than leaving, say, a postmaster behind. Exits 1 if the
     * start fails. (A shell starts background jobs with SIGINT ignored: stop those with SIGTERM.)
     */
    static <S extends Server> void serve(String name, Starter<S> starter, Function<S, String> readyLine) {
        CompletableFuture<S> started = new CompletableFuture<>();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                S server = started.get(120, TimeUnit.SECONDS);
                System.err.println(name + ": stopping");
                server.close();
                System.err.println(name + ": stopped");
            } catch (ExecutionException startFailed) {
                // nothing to stop
            } catch (RuntimeException | TimeoutException e) {
                System.err.println(name + ": failed to stop cleanly: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closed.countDown();
            }
        }, name + "-shutdown"));

        long startNanos = System.nanoTime();
        S server;
        try {
            server = starter.start();
        } catch (Exception | Error e) {
            started.completeExceptionally(e);
            fail(name, "could not start: " + describe(e), null);
            System.exit(EXIT_FAILURE);
            return;
        }
        started.complete(server);
        System.err.printf("%s: started in %d ms%n", name, (System.nanoTime() - startNanos) / 1_000_000);
        System.out.println(readyLine.apply(server));
        System.out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void fail(String tool, String message, String usage) {
        System.err.println(tool + ": " + message);
        if (usage != null) {
            System.err.println("usage: " + usage);
        }
    }

    /** The message of an exception and its causes, for a one-line error report. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (text.indexOf(message) < 0) {
                if (!text.isEmpty()) {
                    text.append(": ");
                }
                text.append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
