package org.feedbackloop.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request to the gateway: through Java's HTTP client, or as raw bytes when the client would refuse to send it. */
public sealed interface Probe {

    /** Method and target as the report shows them. */
    String describe();

    /** A well-formed HTTP/1.1 request; {@code target} is the path and query, already encoded. */
    record Http(String method, String target, Map<String, String> headers, byte[] body) implements Probe {
        @Override
        public String describe() {
            return method + " " + target;
        }
    }

    /** Bytes sent as they are over a fresh connection (ISO-8859-1: each char one byte). */
    record Raw(String request) implements Probe {
        @Override
        public String describe() {
            var firstLine = request.split("\r?\n", 2)[0];
            return "raw " + (firstLine.length() > 120 ? firstLine.substring(0, 120) + "..." : firstLine);
        }

        byte[] bytes() {
            return request.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
