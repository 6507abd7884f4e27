package org.feedbackloop.action.board;

import org.feedbackloop.action.domain.Action;

/**
 * An action the public may see, with its counts. The API shows only its public parts: never who contributed,
 * what they wrote, who owns the action, or the internal notes.
 *
 * @param meTooCount       customers who said "me too"
 * @param contributorCount distinct people behind it: those whose feedback it tracks and those who said "me too"
 */
public record PublicUpdate(Action action, int meTooCount, int contributorCount) {
}
