package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import static org.feedbackloop.e2e.hostile.Category.WRONG_TYPES;

/** Values of the wrong type or out of range, in bodies, ids in paths and query parameters. */
final class WrongTypes {

    private WrongTypes() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        var words = "\"" + w.refused + " words\"";
        var bodies = new LinkedHashMap<String, String>();
        bodies.put("text as a number", Cases.feedback("42", ""));
        bodies.put("text as a decimal", Cases.feedback("1.5", ""));
        bodies.put("text as a boolean", Cases.feedback("true", ""));
        bodies.put("text as null", Cases.feedback("null", ""));
        bodies.put("text as an array", Cases.feedback("[" + words + "]", ""));
        bodies.put("text as an object", Cases.feedback("{\"value\": " + words + "}", ""));
        bodies.put("text blank", Cases.feedback("\"   \"", ""));
        bodies.put("channel in lower case", "{\"text\": " + words + ", \"channel\": \"web\"}");
        bodies.put("an unknown channel", "{\"text\": " + words + ", \"channel\": \"FAX\"}");
        bodies.put("channel as a number", "{\"text\": " + words + ", \"channel\": 0}");
        bodies.put("channel empty", "{\"text\": " + words + ", \"channel\": \"\"}");
        bodies.put("no channel", "{\"text\": " + words + "}");
        bodies.put("score as a string", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": \"7\"}"));
        bodies.put("score as a decimal", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": 7.5}"));
        bodies.put("score as a boolean", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": true}"));
        bodies.put("NPS -1", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": -1}"));
        bodies.put("NPS 11", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": 11}"));
        bodies.put("CSAT 0", Cases.feedback(words, "\"rating\": {\"scale\": \"CSAT\", \"score\": 0}"));
        bodies.put("CSAT 6", Cases.feedback(words, "\"rating\": {\"scale\": \"CSAT\", \"score\": 6}"));
        bodies.put("score past the int range", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": 2147483648}"));
        bodies.put("score of -2^31", Cases.feedback(words, "\"rating\": {\"scale\": \"CSAT\", \"score\": -2147483648}"));
        bodies.put("score in exponent form", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\", \"score\": 1e1}"));
        bodies.put("scale in lower case", Cases.feedback(words, "\"rating\": {\"scale\": \"nps\", \"score\": 5}"));
        bodies.put("an unknown scale", Cases.feedback(words, "\"rating\": {\"scale\": \"STARS\", \"score\": 5}"));
        bodies.put("scale as a number", Cases.feedback(words, "\"rating\": {\"scale\": 1, \"score\": 5}"));
        bodies.put("rating without a score", Cases.feedback(words, "\"rating\": {\"scale\": \"NPS\"}"));
        bodies.put("rating as a string", Cases.feedback(words, "\"rating\": \"NPS:7\""));
        bodies.put("rating as an array", Cases.feedback(words, "\"rating\": [\"NPS\", 7]"));
        bodies.put("consent as a string", Cases.feedback(words, "\"consentToContact\": \"yes\""));
        bodies.put("consent as a number", Cases.feedback(words, "\"consentToContact\": 1"));
        bodies.put("consent as the string true", Cases.feedback(words, "\"consentToContact\": \"true\""));
        bodies.put("topic as a number", Cases.feedback(words, "\"topic\": 42"));
        bodies.put("topic in capitals", Cases.feedback(words, "\"topic\": \"Billing\""));
        bodies.put("an unknown topic", Cases.feedback(words, "\"topic\": \"weather\""));
        bodies.put("contact as a string", Cases.feedback(words, "\"contact\": \"alice@example.com\""));
        bodies.put("contact e-mail as a number", Cases.feedback(words, "\"contact\": {\"email\": 42}"));
        bodies.put("contact e-mail that is no address", Cases.feedback(words, "\"contact\": {\"email\": \"not-an-address\"}"));
        bodies.put("externalRef as a number", Cases.feedback(words, "\"externalRef\": 4711"));
        bodies.put("externalRef of 201 characters", Cases.feedback(words, "\"externalRef\": \"" + "r".repeat(201) + "\""));
        bodies.forEach((name, body) -> cases.add(HostileCase.of(WRONG_TYPES, name).by(w.alice)
                .post("/api/feedback", body).expect(400).build()));
        cases.add(HostileCase.of(WRONG_TYPES, "an Idempotency-Key with spaces").by(w.alice).header("Idempotency-Key", "a key with spaces")
                .post("/api/feedback", Cases.feedback(words, "")).expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "an Idempotency-Key of 256 characters").by(w.alice).header("Idempotency-Key", "k".repeat(256))
                .post("/api/feedback", Cases.feedback(words, "")).expect(400).build());

        // ids in paths
        var badIds = List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g", UUID.randomUUID().toString().replace("-", ""),
                "1-1-1-1-1", UUID.randomUUID() + "0");
        for (var id : badIds) {
            cases.add(HostileCase.of(WRONG_TYPES, "feedback id " + id).by(w.alice).get("/api/feedback/" + id).expect(400).build());
        }
        cases.add(HostileCase.of(WRONG_TYPES, "action id that is not a UUID").by(w.olivia).get("/api/actions/not-a-uuid")
                .expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "transition of an action id that is not a UUID").by(w.olivia).header("If-Match", "\"1\"")
                .post("/api/actions/12/transitions", "{\"to\": \"PLANNED\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "board item id that is not a UUID").get("/api/public/updates/latest").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "me-too on an id that is not a UUID").by(w.alice)
                .post("/api/public/updates/latest/me-too", null).expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "inbox item id that is not a UUID").by(w.alice)
                .put("/api/me/notifications/first/read", null).expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "webhook id that is not a UUID").by(w.integrator).get("/api/webhooks/1").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "deleting a webhook id that is not a UUID").by(w.integrator)
                .delete("/api/webhooks/all").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "an unknown feedback id").by(w.alice).get("/api/feedback/" + UUID.randomUUID())
                .expect(404).build());
        cases.add(HostileCase.of(WRONG_TYPES, "the nil UUID").by(w.maria).get("/api/actions/00000000-0000-0000-0000-000000000000")
                .expect(404).build());

        // query parameters
        var feedbackQueries = List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1e2", "limit=99999999999",
                "cursor=garbage", "cursor=eyJhIjoxfQ", "cursor=" + World.encode(w.aliceFeedbackCursor.substring(1)),
                "status=OPEN", "channel=FAX", "topic=Billing", "from=yesterday", "from=2026-13-45",
                "from=2026-12-01&to=2026-11-01", "from=" + World.encode("+999999999-12-31T23:59:59Z"),
                "to=" + World.encode("-999999999-01-01T00:00:00Z"), "q=" + "q".repeat(201), "q=%01control");
        for (var query : feedbackQueries) {
            cases.add(HostileCase.of(WRONG_TYPES, "feedback list with " + abbreviated(query)).by(w.alice)
                    .get("/api/feedback?" + query).expect(400).build());
        }
        var actionQueries = List.of("limit=0", "status=CLOSED", "overdue=maybe", "sort=priority", "feedbackId=abc", "team=Bad!",
                "cursor=xyz");
        for (var query : actionQueries) {
            cases.add(HostileCase.of(WRONG_TYPES, "action list with " + abbreviated(query)).by(w.olivia)
                    .get("/api/actions?" + query).expect(400).build());
        }
        for (var query : List.of("limit=0", "unread=maybe", "cursor=%00")) {
            cases.add(HostileCase.of(WRONG_TYPES, "inbox with " + query).by(w.alice).get("/api/me/notifications?" + query)
                    .expect(400).build());
        }
        for (var query : List.of("status=nope", "limit=1000", "cursor=xyz")) {
            cases.add(HostileCase.of(WRONG_TYPES, "board with " + query).get("/api/public/updates?" + query).expect(400).build());
        }
        for (var query : List.of("days=0", "days=367", "days=abc")) {
            cases.add(HostileCase.of(WRONG_TYPES, "feedback summary with " + query).by(w.maria).get("/api/feedback/summary?" + query)
                    .expect(400).build());
        }
        cases.add(HostileCase.of(WRONG_TYPES, "webhook list with limit=0").by(w.integrator).get("/api/webhooks?limit=0")
                .expect(400).build());

        // changes of alice's action, as its owner, with the right ETag: each refused, none applied
        var etag = w.etag(w.olivia, w.aliceAction);
        var actionBodies = new LinkedHashMap<String, String[]>();
        actionBodies.put("to as a number", new String[]{"POST", "/transitions", "{\"to\": 3}"});
        actionBodies.put("to in lower case", new String[]{"POST", "/transitions", "{\"to\": \"planned\"}"});
        actionBodies.put("an unknown status", new String[]{"POST", "/transitions", "{\"to\": \"CLOSED\"}"});
        actionBodies.put("a note as a number", new String[]{"POST", "/transitions", "{\"to\": \"PLANNED\", \"note\": 42}"});
        actionBodies.put("a public note as an array", new String[]{"POST", "/updates", "{\"publicNote\": [\"a\"]}"});
        actionBodies.put("a due date in words", new String[]{"PUT", "/due", "{\"dueAt\": \"tomorrow\"}"});
        actionBodies.put("a due date as seconds since 1970", new String[]{"PUT", "/due", "{\"dueAt\": 12345}"});
        actionBodies.put("a due date in the year 10000", new String[]{"PUT", "/due", "{\"dueAt\": \"+10000-01-01T00:00:00Z\"}"});
        actionBodies.put("a due date in the year 300000", new String[]{"PUT", "/due", "{\"dueAt\": \"+300000-12-31T23:59:59Z\"}"});
        actionBodies.put("a due date in the year 999999999", new String[]{"PUT", "/due", "{\"dueAt\": \"+999999999-12-31T23:59:59Z\"}"});
        actionBodies.put("an owner id as a number", new String[]{"PUT", "/assignment", "{\"ownerId\": 42}"});
        actionBodies.put("feedback ids as a string", new String[]{"POST", "/links", "{\"feedbackIds\": \"" + w.bobFeedback + "\"}"});
        actionBodies.put("merge into a number", new String[]{"POST", "/merge", "{\"into\": 5}"});
        actionBodies.forEach((name, request) -> cases.add(HostileCase.of(WRONG_TYPES, name).by(w.olivia).header("If-Match", etag)
                .request(request[0], "/api/actions/" + w.aliceAction + request[1], request[2]).expect(400).build()));
        cases.add(HostileCase.of(WRONG_TYPES, "an If-Match that is no ETag").by(w.olivia).header("If-Match", "garbage")
                .post("/api/actions/" + w.aliceAction + "/transitions", "{\"to\": \"PLANNED\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "an If-Match past the int range").by(w.olivia).header("If-Match", "\"99999999999999999999\"")
                .post("/api/actions/" + w.aliceAction + "/transitions", "{\"to\": \"PLANNED\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "a due date of the year 300000 for a new action").by(w.maria)
                .post("/api/actions", "{\"feedbackIds\": [\"" + w.aliceFeedback + "\"], \"dueAt\": \"+300000-01-01T00:00:00Z\"}")
                .expect(400).build());

        cases.add(HostileCase.of(WRONG_TYPES, "preferences with email as a string").by(w.alice)
                .put("/api/me/preferences", "{\"email\": \"true\", \"inApp\": true, \"digest\": \"IMMEDIATE\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "preferences with an unknown digest").by(w.alice)
                .put("/api/me/preferences", "{\"email\": true, \"inApp\": true, \"digest\": \"WEEKLY\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "preferences with inApp null").by(w.alice)
                .put("/api/me/preferences", "{\"email\": true, \"inApp\": null, \"digest\": \"DAILY\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "webhook event types as a string").by(w.integrator)
                .post("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/x\", \"eventTypes\": \"action.*\"}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "webhook with an unknown event type").by(w.integrator)
                .post("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/x\", \"eventTypes\": [\"*\"]}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "webhook url as a number").by(w.integrator)
                .post("/api/webhooks", "{\"url\": 42, \"eventTypes\": [\"action.*\"]}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "a routing rule with a team as a number").by(w.maria)
                .put("/api/routing-rules/billing", "{\"team\": 7}").expect(400).build());
        cases.add(HostileCase.of(WRONG_TYPES, "topic position as a string").by(w.maria)
                .put("/api/feedback/topics/billing", "{\"keywords\": [\"invoice\"], \"position\": \"1\"}").expect(400).build());

        cases.add(Cases.nothingRefusedWasStored(w, WRONG_TYPES));
        cases.add(HostileCase.of(WRONG_TYPES, "afterwards: alice's action reads as it was").by(w.maria)
                .get("/api/actions/" + w.aliceAction).expect(200)
                .check("the action's status, owner and due date are unchanged", answer -> Snapshots.sameAction(w, answer)).build());
        return cases;
    }

    private static String abbreviated(String query) {
        return query.length() > 60 ? query.substring(0, 60) + "..." : query;
    }
}
