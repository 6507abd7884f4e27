package org.feedbackloop.gateway.edge;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context {@code traceparent}: the caller's when it is well-formed, else a new trace that starts here.
 * OpenTelemetry's propagator reads and writes it. The caller's span stays the parent: the gateway records no span of
 * its own, so a span id made up here would be a parent the services' spans could never be joined to.
 *
 * @param value   the header value to send upstream
 * @param traceId its trace id, for the logs
 */
public record TraceParent(String value, String traceId) {

    public static final String HEADER = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    public static TraceParent fromHeaderOrNew(String header) {
        var given = header == null ? SpanContext.getInvalid()
                : Span.fromContext(W3C.extract(Context.root(), header.trim(), HeaderValue.INSTANCE)).getSpanContext();
        var trace = given.isValid() ? given : newTrace();
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.root().with(Span.wrap(trace)), headers, Map::put);
        return new TraceParent(headers.get(HEADER), trace.getTraceId());
    }

    private static SpanContext newTrace() {
        var random = ThreadLocalRandom.current();
        String traceId;
        String spanId;
        do {
            traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
            spanId = SpanId.fromLong(random.nextLong());
        } while (!TraceId.isValid(traceId) || !SpanId.isValid(spanId)); // all zeros is not an id
        return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }

    /** A carrier that is the {@code traceparent} value itself. */
    private enum HeaderValue implements TextMapGetter<String> {
        INSTANCE;

        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    }
}
