package org.feedbackloop.gateway.upstream;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Headers that concern one connection only (RFC 9110, 7.6.1): never passed from one side of the gateway to the other. */
public final class HopByHopHeaders {

    private static final Set<String> STANDARD = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHopHeaders() {
    }

    public static boolean isHopByHop(String name, MultiMap headers) {
        var lower = name.toLowerCase(Locale.ROOT);
        return STANDARD.contains(lower) || listedInConnection(headers).contains(lower);
    }

    /** Removes them, including those the {@code Connection} header names. */
    public static void strip(MultiMap headers) {
        listedInConnection(headers).forEach(headers::remove);
        STANDARD.forEach(headers::remove);
    }

    private static Set<String> listedInConnection(MultiMap headers) {
        return headers.getAll(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .filter(token -> !token.isEmpty())
                .collect(Collectors.toSet());
    }
}
