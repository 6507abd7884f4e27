package org.feedbackloop.gateway.web.shared;

import java.util.Arrays;

/**
 * Confirmations shown after a redirect (post, then redirect, then get). The URL carries only the code, so nothing a
 * person typed ever travels in it.
 */
public enum Notice {
    RECEIVED("received", "Thank you, we received your feedback. You will hear from us as soon as something changes."),
    PREFERENCES_SAVED("preferences-saved", "Your preferences are saved."),
    UNSUBSCRIBED("unsubscribed", "You will get no more e-mail from us. Your inbox here still tells you everything."),
    ACTION_MOVED("moved", "Saved. Every contributor is told when there is a public note."),
    ASSIGNED("assigned", "The action is yours now."),
    RELEASED("released", "The action is back in the team queue."),
    DUE_CHANGED("due-changed", "The due date is changed; contributors are told the new timescale."),
    ME_TOO("me-too", "Thank you: we counted your voice, and you will hear when this changes."),
    MERGED("merged", "Merged: the feedback of the other action is here now, and each of its contributors is told once."),
    LINKED("linked", "The feedback is linked here; its contributor will hear about this action from now on."),
    TOPIC_SAVED("topic-saved", "The topic is saved. New feedback is read against it now; stored feedback is read again below."),
    TOPIC_REMOVED("topic-removed", "The topic is removed. Its stored feedback is read again and takes the nearest remaining topic."),
    SURVEY_CREATED("survey-created", "The survey is defined. Ask people below: each gets an e-mail with a link to answer it."),
    SURVEY_SENT("survey-sent", "The invitations are on their way. Anyone this survey asked before is not asked again."),
    STORIES_ON("stories-on", "You will get the week's stories by e-mail every Monday."),
    STORIES_OFF("stories-off", "No more weekly stories e-mail. Kudos still reach you here and in your inbox."),
    STORIES_UNCHANGED("stories-unchanged", "Your choice could not be saved just now: notifications are temporarily "
            + "unavailable. Please try again in a moment."),
    ERASED("erased", "Your data is erased: your feedback now counts without your words, and we hold no address or message of "
            + "yours. Sign out to finish.");

    private final String code;
    private final String text;

    Notice(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static Notice ofCode(String code) {
        return code == null ? null : Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst().orElse(null);
    }
}
