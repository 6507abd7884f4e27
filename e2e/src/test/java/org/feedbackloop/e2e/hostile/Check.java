package org.feedbackloop.e2e.hostile;

import java.util.function.Predicate;

/**
 * Something an answer must satisfy beyond its status. A failed leak check counts as data leaked (markup that runs,
 * a token echoed); any other as wrong content (what was stored does not read back, what must not change did).
 */
public record Check(String what, Predicate<Answer> holds, boolean leak) {
}
