package org.feedbackloop.e2e.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the gateway answered: status (0 when it closed the connection without an answer), headers (names in lower
 * case), body, how long it took, and for raw requests every status line it sent (pipelined answers).
 */
public record Answer(int status, Map<String, List<String>> headers, String body, Duration took, List<Integer> statuses) {

    public static Answer none(Duration took) {
        return new Answer(0, Map.of(), "", took, List.of());
    }

    public String header(String name) {
        var values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public boolean isProblem() {
        var type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }

    /** Every header value and the body, where a secret must not appear. */
    public String everything() {
        var text = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(value -> text.append(name).append(": ").append(value).append('\n')));
        return text.append('\n').append(body).toString();
    }
}
