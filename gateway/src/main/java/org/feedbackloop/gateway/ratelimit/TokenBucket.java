package org.feedbackloop.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, gains {@code perSecond} of them per second, and each request
 * takes one. A full bucket is the same as a new one, so full buckets can be forgotten.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final int capacity;
    private final double perNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    synchronized Decision take(long nowNanos) {
        refill(nowNanos);
        var allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        var retryAfter = allowed ? 0 : seconds((1 - tokens) / perNano);
        return new Decision(allowed, capacity, (int) Math.floor(tokens), retryAfter, seconds((capacity - tokens) / perNano));
    }

    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - updatedNanos) * perNano);
        updatedNanos = nowNanos;
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / NANOS_PER_SECOND);
    }

    /**
     * The outcome of taking a token.
     *
     * @param limit      the bucket's capacity
     * @param remaining  whole tokens left
     * @param retryAfter seconds until the next token, when refused
     * @param reset      seconds until the bucket is full again
     */
    record Decision(boolean allowed, int limit, int remaining, long retryAfter, long reset) {
    }
}
