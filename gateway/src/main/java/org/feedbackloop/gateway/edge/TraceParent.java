package org.feedbackloop.gateway.edge;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent}: the caller's when it is well-formed, else a new trace that starts here.
 *
 * @param value   the header value to send upstream
 * @param traceId its trace id, for the logs
 */
public record TraceParent(String value, String traceId) {

    public static final String HEADER = "traceparent";
    private static final Pattern W3C = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    public static TraceParent fromHeaderOrNew(String header) {
        if (header != null) {
            var matcher = W3C.matcher(header.trim());
            if (matcher.matches() && !matcher.group(1).equals("ff")
                    && !matcher.group(2).equals(ZERO_TRACE) && !matcher.group(3).equals(ZERO_PARENT)) {
                return new TraceParent(header.trim(), matcher.group(2));
            }
        }
        var random = ThreadLocalRandom.current();
        var hex = HexFormat.of();
        var traceId = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
        var parentId = hex.toHexDigits(random.nextLong());
        return new TraceParent("00-" + traceId + "-" + parentId + "-01", traceId);
    }
}
