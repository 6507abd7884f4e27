package org.feedbackloop.gateway.web.console;

import org.feedbackloop.gateway.web.shared.ProblemMessage;

/**
 * What the forms of an action's page held when a change failed, so that the page shows them again with the
 * message next to the form it belongs to ({@code section}: transition, owner or due).
 */
public record ActionForms(String to, String note, String publicNote, String publicTitle, String dueDate, String reason,
                          String section, ProblemMessage problem) {

    public static ActionForms empty() {
        return new ActionForms(null, null, null, null, null, null, null, null);
    }

    public boolean problemIn(String name) {
        return problem != null && name.equals(section);
    }

    public boolean toIs(String status) {
        return status.equals(to);
    }
}
