package org.feedbackloop.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What several categories share: bodies, reading back what was stored, and checking that nothing refused was. */
final class Cases {

    private Cases() {
    }

    /** A feedback body with the given JSON for {@code text}, plus more fields as raw JSON (e.g. {@code "rating": ...}). */
    static String feedback(String textJson, String moreFields) {
        return "{\"text\": " + textJson + ", \"channel\": \"WEB\"" + (moreFields.isEmpty() ? "" : ", " + moreFields) + "}";
    }

    static String feedbackWith(String text) {
        return Json.write(Map.of("text", text, "channel", "WEB"));
    }

    /** After a 201: GET the stored item and check that {@code field} holds exactly {@code expected}. */
    static Function<Answer, List<HostileCase>> readBack(Category category, Caller caller, String what, String field,
                                                        String expected) {
        return created -> List.of(HostileCase.of(category, what + " (read back)").by(caller)
                .get(created.header("location"))
                .expect(200)
                .check(field + " reads back exactly as sent", answer -> Json.read(answer.body()).path(field).asText().equals(expected))
                .build());
    }

    /** Every refused body carried the word {@code w.refused}: a full-text search for it finds nothing. */
    static HostileCase nothingRefusedWasStored(World w, Category category) {
        return HostileCase.of(category, "afterwards: no refused body was stored").by(w.maria)
                .get("/api/feedback?limit=100&q=" + w.refused)
                .expect(200)
                .check("no item holds the word of refused bodies", Cases::noItems)
                .build();
    }

    static boolean noItems(Answer answer) {
        return Json.read(answer.body()).path("items").isEmpty();
    }

    /** Some string anywhere in the JSON contains {@code text}. */
    static boolean anyTextContains(JsonNode json, String text) {
        if (json.isTextual()) {
            return json.asText().contains(text);
        }
        for (var child : json) {
            if (anyTextContains(child, text)) {
                return true;
            }
        }
        return false;
    }

    /** The answer's JSON names {@code value} nowhere (an id, a marker), parsed so escapes do not hide it. */
    static boolean mentionsNowhere(Answer answer, String value) {
        return !answer.body().contains(value) && !Json.read(answer.body()).toString().contains(value);
    }
}
