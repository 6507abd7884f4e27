package org.feedbackloop.action.domain;

import java.util.UUID;

/** What the domain refuses; each kind maps to one HTTP answer. */
public sealed class ActionException extends RuntimeException {

    private ActionException(String message) {
        super(message, null, false, false);
    }

    /** 404: no such action. */
    public static final class NotFound extends ActionException {
        public NotFound(UUID id) {
            super("There is no action " + id);
        }
    }

    /** 404: no feedback with this id reached triage (not yet, or never). */
    public static final class FeedbackNotFound extends ActionException {
        public FeedbackNotFound(UUID id) {
            super("Triage has no feedback " + id + " (yet): it is read and triaged a moment after it is submitted");
        }
    }

    /** 404: the action tracks no feedback (a merged action's moved to the action it was merged into). */
    public static final class NoFeedback extends ActionException {
        public NoFeedback(UUID id, UUID mergedInto) {
            super(mergedInto == null ? "Action " + id + " tracks no feedback"
                    : "Action " + id + " was merged into " + mergedInto + ", which tracks its feedback now");
        }
    }

    /** 404 on the public board: no such action, or none the public may see (never announced, merged, declined). */
    public static final class NotPublic extends ActionException {
        public NotPublic(UUID id) {
            super("There is no public update " + id);
        }
    }

    /** 409: the action is closed (DONE, DECLINED or MERGED): no more voices join it. */
    public static final class Closed extends ActionException {
        public Closed(UUID id, ActionStatus status) {
            super("Action " + id + " is " + status + ": it no longer takes a \"me too\"");
        }
    }

    /** 409: the client's If-Match version is not the current one. */
    public static final class StaleVersion extends ActionException {
        public StaleVersion(int current) {
            super("The action is at version " + current + " now: read it again and retry");
        }
    }

    /** 422: the workflow does not allow it. */
    public static final class TransitionForbidden extends ActionException {
        public TransitionForbidden(String message) {
            super(message);
        }
    }

    /** 403: owners act on their teams' actions only, integrators on none. */
    public static final class NotYourTeam extends ActionException {
        public NotYourTeam(String team) {
            super("You may not change actions of team " + team);
        }
    }

    /** 409: the feedback is tracked by an action that is closed: its contributor was already told. */
    public static final class AlreadyTracked extends ActionException {
        public AlreadyTracked(UUID feedbackId, UUID actionId) {
            super("Feedback " + feedbackId + " is tracked by action " + actionId
                    + ", which is closed: its contributor was already told what happened");
        }
    }

    /** 422 on one field: what customers would read repeats a contributor's words as they were written. */
    public static final class NotOwnWords extends ActionException {
        private final String field;

        public NotOwnWords(String field) {
            super("must be in your own words, not a contributor's: edit it");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** 400 on one field: a value the domain cannot accept. */
    public static final class InvalidField extends ActionException {
        private final String field;

        public InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
