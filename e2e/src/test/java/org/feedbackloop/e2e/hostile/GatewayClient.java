package org.feedbackloop.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Sends probes to the gateway and turns whatever comes back into an {@link Answer}. */
public final class GatewayClient {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String base;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    public GatewayClient(String base, int port) {
        this.base = base;
        this.port = port;
    }

    public Answer send(Probe probe) {
        return switch (probe) {
            case Probe.Http request -> send(request);
            case Probe.Raw request -> send(request);
        };
    }

    private Answer send(Probe.Http probe) {
        var builder = HttpRequest.newBuilder(URI.create(base + probe.target())).timeout(TIMEOUT)
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(builder::header);
        var started = Instant.now();
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var headers = new TreeMap<String, List<String>>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Answer(response.statusCode(), headers, response.body(), Duration.between(started, Instant.now()),
                    List.of(response.statusCode()));
        } catch (IOException e) {
            return Answer.none(Duration.between(started, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the bytes, reads until the gateway closes the connection (or stays silent for 5 s). */
    private Answer send(Probe.Raw probe) {
        var started = Instant.now();
        var received = new ByteArrayOutputStream();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(probe.bytes());
            socket.getOutputStream().flush();
            readUntilClosed(socket.getInputStream(), received);
        } catch (IOException e) {
            // a reset after a refusal: what arrived before it is the answer
        }
        return parse(received.toString(StandardCharsets.ISO_8859_1), Duration.between(started, Instant.now()));
    }

    private static void readUntilClosed(InputStream in, ByteArrayOutputStream received) throws IOException {
        var buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // kept open without more to say
        }
    }

    static Answer parse(String text, Duration took) {
        var statuses = new ArrayList<Integer>();
        var matcher = STATUS_LINE.matcher(text);
        while (matcher.find()) {
            statuses.add(Integer.parseInt(matcher.group(1)));
        }
        if (statuses.isEmpty() || !text.startsWith("HTTP/")) {
            return new Answer(0, Map.of(), text, took, statuses);
        }
        var end = text.indexOf("\r\n\r\n");
        var head = end < 0 ? text : text.substring(0, end);
        var headers = new LinkedHashMap<String, List<String>>();
        var lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        // the body runs on into pipelined answers, where secrets must not appear either; the raw bytes are UTF-8
        // read as ISO-8859-1, and secrets and markers are ASCII, so matching is unaffected
        var body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(statuses.getFirst(), headers, body, took, statuses);
    }
}
