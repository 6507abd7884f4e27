package org.feedbackloop.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Comparisons with what the world looked like before the attacks. */
final class Snapshots {

    /** What an attacker would change; the version is left out, since triage may link further feedback meanwhile. */
    private static final List<String> ACTION_FIELDS = List.of("status", "team", "owner", "dueAt", "title",
            "titleForCustomers", "priority", "topic", "publicNote", "mergedInto");

    private Snapshots() {
    }

    static boolean sameAction(World w, Answer answer) {
        var now = Json.read(answer.body());
        for (var field : ACTION_FIELDS) {
            if (!now.path(field).equals(w.aliceActionAsItWas.path(field))) {
                return false;
            }
        }
        return noNewHistoryBy(now, w.aliceActionAsItWas.path("history").size(), "alice", "bob", "oscar", "integrator");
    }

    /** No history entry after the first {@code known} names one of these actors (by name or id) as the one who acted. */
    private static boolean noNewHistoryBy(JsonNode action, int known, String... actors) {
        var history = action.path("history");
        for (int i = known; i < history.size(); i++) {
            var entry = history.get(i);
            var actor = entry.path("actor").toString().toLowerCase();
            for (var name : actors) {
                if (actor.contains(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean sameFeedback(World w, Answer answer) {
        var now = Json.read(answer.body());
        var before = w.aliceFeedbackAsStored;
        for (var field : List.of("id", "text", "channel", "topic", "contact", "consentToContact", "externalRef", "createdAt", "rating")) {
            if (!now.path(field).equals(before.path(field))) {
                return false;
            }
        }
        return true;
    }
}
