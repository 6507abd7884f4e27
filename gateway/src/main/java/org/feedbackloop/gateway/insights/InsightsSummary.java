package org.feedbackloop.gateway.insights;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managers' one-page summary, put together from the services' own insights over one period: ratings and
 * volume (feedback-service), the loop (notification-service), the actions (action-service). A part that could not be
 * read is null and named in {@code missing}.
 */
final class InsightsSummary {

    /** The parts, each one call. */
    enum Part { NPS, CSAT, VOLUME, LOOP, ACTIONS, SILENCE }

    private static final List<String> TEAM_FIGURES =
            List.of("team", "openNow", "overdueNow", "overdueRate", "closed", "closedLate", "feedbackItems", "repeats",
                    "kudosPassed");

    private InsightsSummary() {
    }

    static JsonObject compose(String from, String to, Map<Part, Optional<JsonObject>> parts) {
        var missing = new JsonArray();
        parts.forEach((part, answer) -> {
            if (answer.isEmpty()) {
                missing.add(part.name().toLowerCase());
            }
        });
        var volume = parts.get(Part.VOLUME);
        var loop = parts.get(Part.LOOP);
        var actions = parts.get(Part.ACTIONS);
        return new JsonObject()
                .put("from", from)
                .put("to", to)
                .put("partial", !missing.isEmpty())
                .put("missing", missing)
                .put("nps", parts.get(Part.NPS).map(trend -> trend.getJsonObject("total")).orElse(null))
                .put("csat", parts.get(Part.CSAT).map(trend -> trend.getJsonObject("total")).orElse(null))
                .put("feedback", volume.map(v -> v.getJsonObject("total")).orElse(null))
                .put("volumeByTopic", volume.map(v -> v.getJsonArray("byTopic")).orElse(null))
                .put("volumeByChannel", volume.map(v -> v.getJsonArray("byChannel")).orElse(null))
                .put("closeTheLoop", loop.map(l -> l.getJsonObject("total")).orElse(null))
                .put("timeToAcknowledge", loop.map(l -> l.getJsonObject("timeToAcknowledge")).orElse(null))
                .put("timeToFirstUpdate", loop.map(l -> l.getJsonObject("timeToFirstUpdate")).orElse(null))
                .put("timeToClosure", loop.map(l -> l.getJsonObject("timeToClosure")).orElse(null))
                .put("actionTimeToClose", actions.map(a -> a.getJsonObject("total", new JsonObject())
                        .getJsonObject("timeToClose")).orElse(null))
                .put("byTeam", actions.map(InsightsSummary::teams).orElse(null))
                .put("silence", parts.get(Part.SILENCE).map(flags -> flags.getJsonArray("flags")).orElse(null));
    }

    private static JsonArray teams(JsonObject actions) {
        var teams = new JsonArray();
        for (var value : actions.getJsonArray("teams", new JsonArray())) {
            var team = (JsonObject) value;
            var figures = new JsonObject();
            TEAM_FIGURES.forEach(name -> figures.put(name, team.getValue(name)));
            teams.add(figures);
        }
        return teams;
    }
}
