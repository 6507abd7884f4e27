package org.feedbackloop.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling: asks again every {@code step} until the answer satisfies the condition or the time is up. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Duration limit, Supplier<T> ask, Predicate<T> done) {
        var deadline = Instant.now().plus(limit);
        T answer = ask.get();
        while (!done.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s; last seen: " + answer);
            }
            Suite.sleep(250);
            answer = ask.get();
        }
        return answer;
    }
}
