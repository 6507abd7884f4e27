package org.feedbackloop.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstUpToItsCapacityThenRefusesUntilATokenGrowsBack() {
        var bucket = new TokenBucket(3, 0.5, 0);
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 2, 0, 2));
        assertThat(bucket.take(0).allowed()).isTrue();
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 0, 0, 6));
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(false, 3, 0, 2, 6));
        assertThat(bucket.take(SECOND).allowed()).isFalse();
        assertThat(bucket.take(2 * SECOND).allowed()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        var bucket = new TokenBucket(2, 10, 0);
        assertThat(bucket.isFull(0)).isTrue();
        bucket.take(0);
        assertThat(bucket.isFull(0)).isFalse();
        assertThat(bucket.isFull(3600 * SECOND)).isTrue();
        assertThat(bucket.take(3600 * SECOND).remaining()).isEqualTo(1);
    }
}
