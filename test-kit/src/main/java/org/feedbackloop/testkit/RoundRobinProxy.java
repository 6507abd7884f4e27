package org.feedbackloop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP front for the replicas of one service, as a Kubernetes Service is: each new connection goes to the
 * next of its targets in turn (a target that refuses is passed over); {@link #remove} takes a target out of the
 * turn (its endpoint removed) while the connections already open to it stay open until either side closes them.
 */
public final class RoundRobinProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> targets = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    public RoundRobinProxy(List<Integer> targetPorts) throws IOException {
        targets.addAll(targetPorts);
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("round-robin-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Puts a target in the turn (a replica became ready). */
    public void add(int targetPort) {
        targets.add(targetPort);
    }

    /** Takes a target out of the turn: no new connection goes to it. */
    public void remove(int targetPort) {
        targets.remove(Integer.valueOf(targetPort));
    }

    public List<Integer> targets() {
        return List.copyOf(targets);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (var socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                var upstream = connect();
                if (upstream == null) {
                    client.close();
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** A connection to the next target that accepts one; null when none does. */
    private Socket connect() {
        var turn = List.copyOf(targets);
        for (int i = 0; i < turn.size(); i++) {
            var port = turn.get(Math.floorMod(next.getAndIncrement(), turn.size()));
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException refused) {
                // the next one
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
