package org.feedbackloop.action.domain;

import java.time.Instant;
import java.util.UUID;

/** Where the next page starts after, in the order of {@code sort}. */
public record ActionPosition(ActionSort sort, Instant key, UUID id) {

    public static ActionPosition of(ActionSort sort, Action action) {
        return new ActionPosition(sort, sort.keyOf(action), action.id);
    }
}
