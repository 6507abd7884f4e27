package org.feedbackloop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy that a test can cut, stall and restore: while cut, every connection through it is closed
 * and new ones are refused, exactly what a client sees when its broker goes away; while stalled, new connections
 * are accepted and never answered, what a client sees of a server that hangs; while slowed, every request waits a
 * while before it reaches the server, what a client sees of an overloaded one.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean stalled;
    private volatile long delayMillis;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        restore();
    }

    public int port() {
        return port;
    }

    /** Starts (again) accepting and forwarding connections; the connections held while stalled are closed. */
    public synchronized void restore() throws IOException {
        if (stalled) {
            stalled = false;
            closeAll();
        }
        listen();
    }

    private void listen() throws IOException {
        if (server != null && !server.isClosed()) {
            return;
        }
        var listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = listening;
        Thread.ofVirtual().name("tcp-proxy-accept").start(() -> accept(listening));
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
        }
        closeAll();
    }

    /** Drops every open connection, then accepts new ones and never answers them until {@link #restore()}. */
    public synchronized void stall() throws IOException {
        stalled = true;
        closeAll();
        listen();
    }

    /**
     * Holds every chunk a client sends for {@code delay} before passing it on (open connections included), until
     * {@code slow(Duration.ZERO)}: a server that answers each query that much later.
     */
    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    private void closeAll() throws IOException {
        for (var socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                var client = listening.accept();
                if (stalled) {
                    sockets.add(client);
                    continue;
                }
                var upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                var delay = delayMillis;
                if (request && delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
