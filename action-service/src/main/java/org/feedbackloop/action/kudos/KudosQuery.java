package org.feedbackloop.action.kudos;

import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.signing.CursorCodec;

import java.util.Set;

/**
 * A page of kudos passed in {@code period}, newest first.
 *
 * @param teams the teams whose kudos to read; null for every team
 * @param after where the previous page ended, or null for the first page
 */
public record KudosQuery(Set<String> teams, Period period, CursorCodec.Position after, int limit) {

    /** The order cursors of this list carry, so that a cursor of another list is refused. */
    static final String ORDER = "kudos";
}
