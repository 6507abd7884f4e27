package org.feedbackloop.action.board;

import java.time.Instant;
import java.util.UUID;

/** Where the next page of a board list starts after. */
public record BoardPosition(BoardFilter filter, Instant key, UUID id) {

    public static BoardPosition after(PublicUpdate last, BoardFilter filter) {
        return new BoardPosition(filter, filter.keyOf(last.action()), last.action().id);
    }
}
