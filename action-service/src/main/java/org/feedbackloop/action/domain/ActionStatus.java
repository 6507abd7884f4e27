package org.feedbackloop.action.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The workflow: {@code OPEN → PLANNED → IN_PROGRESS → DONE}, and {@code DECLINED} from any open state.
 * {@code MERGED} is where a duplicate ends when its feedback moves to another action.
 */
public enum ActionStatus {
    OPEN, PLANNED, IN_PROGRESS, DONE, DECLINED, MERGED;

    public static final Set<ActionStatus> OPEN_STATES = EnumSet.of(OPEN, PLANNED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN_STATES.contains(this);
    }

    /** Whether a person may move an action from this status to {@code to}. */
    public boolean canMoveTo(ActionStatus to) {
        return switch (this) {
            case OPEN -> to == PLANNED || to == DECLINED;
            case PLANNED -> to == IN_PROGRESS || to == DECLINED;
            case IN_PROGRESS -> to == DONE || to == DECLINED;
            case DONE, DECLINED, MERGED -> false;
        };
    }

    /** Contributors read the public note of these transitions: it must be there. */
    public boolean needsPublicNote() {
        return this == DONE || this == DECLINED;
    }
}
