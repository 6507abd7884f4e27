package org.feedbackloop.kit.shutdown;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WorkInHandTest {

    private final WorkInHand work = new WorkInHand();

    @Test
    void beginsUpToItsLimit() {
        assertThat(work.begin(2)).isTrue();
        assertThat(work.begin(2)).isTrue();
        assertThat(work.begin(2)).isFalse();
        work.end();
        assertThat(work.begin(2)).isTrue();
        assertThat(work.inHand()).isEqualTo(2);
    }

    @Test
    void aShutdownWaitsForTheWorkInHandAndBeginsNoMore() throws Exception {
        work.begin();
        var ended = CompletableFuture.runAsync(work::end, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        var started = System.nanoTime();

        assertThat(work.stopAndAwait(Duration.ofSeconds(10))).isZero();

        assertThat(ended).isDone();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(work.stopping()).isTrue();
        assertThat(work.begin()).isFalse();
        assertThat(work.inHand()).isZero();
    }

    @Test
    void aShutdownGivesUpAfterItsLimitAndSaysWhatIsLeft() throws Exception {
        work.begin();
        work.begin();
        work.end();

        assertThat(work.stopAndAwait(Duration.ofMillis(200))).isEqualTo(1);
    }

    @Test
    void nothingInHandEndsAtOnce() throws Exception {
        var started = System.nanoTime();
        assertThat(work.stopAndAwait(Duration.ofSeconds(10))).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
