package org.feedbackloop.kit.shutdown;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work begun and not ended yet, which a shutdown lets end before the database pools and the broker connection close:
 * once stopping, no new work begins, and {@link #stopAndAwait} waits for what is in hand, for a bounded time. Work cut
 * in the middle is what sends an e-mail twice or leaves a transaction half done.
 */
public final class WorkInHand {

    private final AtomicInteger inHand = new AtomicInteger();
    private volatile boolean stopping;

    /** Counts one piece of work in; false, and nothing counted, once stopping. */
    public boolean begin() {
        return begin(Integer.MAX_VALUE);
    }

    /** The same, and false while {@code most} are in hand already. */
    public boolean begin(int most) {
        while (!stopping) {
            int now = inHand.get();
            if (now >= most) {
                return false;
            }
            if (inHand.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Counts one piece of work out; each {@link #begin} that returned true is ended once. */
    public void end() {
        if (inHand.decrementAndGet() == 0 && stopping) {
            synchronized (inHand) {
                inHand.notifyAll();
            }
        }
    }

    public boolean stopping() {
        return stopping;
    }

    public int inHand() {
        return inHand.get();
    }

    /**
     * Begins nothing more and waits until the work in hand has ended, for {@code limit} at most (a blocking wait: call
     * it from the shutdown thread). Returns what is still in hand when it gives up, 0 when everything ended.
     */
    public int stopAndAwait(Duration limit) throws InterruptedException {
        stopping = true;
        var deadline = System.nanoTime() + limit.toNanos();
        synchronized (inHand) {
            while (inHand.get() > 0) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                inHand.wait(Math.max(1, left / 1_000_000));
            }
        }
        return inHand.get();
    }
}
