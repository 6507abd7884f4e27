package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.feedbackloop.e2e.hostile.Category.IDOR;

/**
 * Bob at alice's objects and one integrator at another's: 404 (as if they did not exist), lists and searches
 * that never hold the other's data, and the victim's objects unchanged afterwards.
 */
final class Idor {

    private Idor() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        var feedback = "/api/feedback/" + w.aliceFeedback;
        // the victim's own view first: the objects exist, so the 404s below mean "not yours"
        cases.add(HostileCase.of(IDOR, "alice reads her own feedback").by(w.alice).get(feedback).expect(200)
                .check("it holds her secret word", answer -> answer.body().contains(w.aliceSecret)).build());
        cases.add(HostileCase.of(IDOR, "the integrator reads its own webhook").by(w.integrator).get("/api/webhooks/" + w.webhook)
                .expect(200).build());

        cases.add(HostileCase.of(IDOR, "bob reads alice's feedback").by(w.bob).get(feedback).expect(404).build());
        for (var header : List.of("X-User-Id", "X-Forwarded-User", "X-Contributor-Id", "X-Auth-Request-User")) {
            cases.add(HostileCase.of(IDOR, "bob reads alice's feedback claiming " + header).by(w.bob)
                    .header(header, w.aliceSubject()).get(feedback).expect(404).build());
        }
        cases.add(HostileCase.of(IDOR, "bob reads alice's feedback with her id as a parameter").by(w.bob)
                .get(feedback + "?contributorId=" + w.aliceSubject() + "&userId=" + w.aliceSubject()).expect(404).build());
        cases.add(HostileCase.of(IDOR, "bob searches for alice's secret word").by(w.bob).get("/api/feedback?q=" + w.aliceSecret)
                .expect(200).check("no items", Cases::noItems).build());
        for (var filter : List.of("limit=100", "status=TRACKED&limit=100", "topic=billing&limit=100", "channel=WEB&limit=100",
                "from=2000-01-01&limit=100", "contributorId=" + w.aliceSubject())) {
            cases.add(HostileCase.of(IDOR, "bob lists feedback with " + filter.replace(w.aliceSubject(), "alice's id")).by(w.bob)
                    .get("/api/feedback?" + filter).expect(200)
                    .check("none of alice's items", answer -> Cases.mentionsNowhere(answer, w.aliceFeedback.toString())).build());
        }
        cases.add(HostileCase.of(IDOR, "bob pages on with alice's cursor").by(w.bob)
                .get("/api/feedback?cursor=" + World.encode(w.aliceFeedbackCursor)).expect(200, 400)
                .check("none of alice's items", answer -> Cases.mentionsNowhere(answer, w.aliceFeedback.toString())).build());
        cases.add(HostileCase.of(IDOR, "bob's timeline").by(w.bob).get("/api/me/timeline").expect(200)
                .check("none of alice's items", answer -> Cases.mentionsNowhere(answer, w.aliceFeedback.toString())).build());
        cases.add(HostileCase.of(IDOR, "bob's timeline with alice's cursor").by(w.bob)
                .get("/api/me/timeline?cursor=" + World.encode(w.aliceFeedbackCursor)).expect(200, 400)
                .check("none of alice's items", answer -> Cases.mentionsNowhere(answer, w.aliceFeedback.toString())).build());

        var aliceNotification = w.newAliceNotification();
        var notification = "/api/me/notifications/" + aliceNotification;
        cases.add(HostileCase.of(IDOR, "bob marks alice's inbox item read").by(w.bob).put(notification + "/read", null)
                .expect(404).build());
        cases.add(HostileCase.of(IDOR, "bob reads alice's inbox item").by(w.bob).get(notification).expect(404, 405).build());
        cases.add(HostileCase.of(IDOR, "bob's inbox").by(w.bob).get("/api/me/notifications?limit=100").expect(200)
                .check("none of alice's notifications", answer -> Cases.mentionsNowhere(answer, aliceNotification.toString())
                        && Cases.mentionsNowhere(answer, w.aliceFeedback.toString())).build());
        cases.add(HostileCase.of(IDOR, "bob's inbox with alice's cursor").by(w.bob)
                .get("/api/me/notifications?cursor=" + World.encode(w.aliceInboxCursor)).expect(200, 400)
                .check("none of alice's notifications", answer -> Cases.mentionsNowhere(answer, aliceNotification.toString())).build());
        cases.add(HostileCase.of(IDOR, "bob's unread inbox, naming alice").by(w.bob)
                .get("/api/me/notifications?unread=true&userId=" + w.aliceSubject()).expect(200)
                .check("none of alice's notifications", answer -> Cases.mentionsNowhere(answer, aliceNotification.toString())).build());
        cases.add(HostileCase.of(IDOR, "bob changes preferences, naming alice").by(w.bob)
                .header("X-User-Id", w.aliceSubject())
                .put("/api/me/preferences?userId=" + w.aliceSubject(), "{\"email\": false, \"inApp\": false, \"digest\": \"DAILY\"}")
                .expect(200).build());
        cases.add(HostileCase.of(IDOR, "bob says me-too on alice's unannounced action").by(w.bob)
                .post("/api/public/updates/" + w.aliceAction + "/me-too", null).expect(404).build());
        cases.add(HostileCase.of(IDOR, "the board item of alice's unannounced action").get("/api/public/updates/" + w.aliceAction)
                .expect(404).build());

        var other = w.otherIntegrator;
        var hook = "/api/webhooks/" + w.webhook;
        cases.add(HostileCase.of(IDOR, "another integrator reads the webhook").by(other).get(hook).expect(404).build());
        cases.add(HostileCase.of(IDOR, "another integrator reads its deliveries").by(other).get(hook + "/deliveries").expect(404).build());
        cases.add(HostileCase.of(IDOR, "another integrator deletes the webhook").by(other).delete(hook).expect(404).build());
        cases.add(HostileCase.of(IDOR, "another integrator lists webhooks").by(other).get("/api/webhooks?limit=100").expect(200).build());
        cases.add(HostileCase.of(IDOR, "another integrator pages with the owner's cursor").by(other)
                .get("/api/webhooks?cursor=" + World.encode(w.webhookCursor)).expect(200, 400).build());
        cases.add(HostileCase.of(IDOR, "another integrator reads an unknown webhook").by(other).get("/api/webhooks/" + UUID.randomUUID())
                .expect(404).build());

        cases.add(HostileCase.of(IDOR, "afterwards: alice's feedback reads as it was").by(w.alice).get(feedback).expect(200)
                .check("alice's feedback is unchanged", answer -> Snapshots.sameFeedback(w, answer)).build());
        cases.add(HostileCase.of(IDOR, "afterwards: alice's inbox item is still unread").by(w.alice).get("/api/me/notifications?limit=100")
                .expect(200).check("the item bob tried to mark is unread", answer -> {
                    for (var item : Json.read(answer.body()).path("items")) {
                        if (item.path("id").asText().equals(aliceNotification.toString())) {
                            return item.path("readAt").isMissingNode() || item.path("readAt").isNull();
                        }
                    }
                    return false;
                }).build());
        cases.add(HostileCase.of(IDOR, "afterwards: alice's preferences are as they were").by(w.alice).get("/api/me/preferences")
                .expect(200)
                .check("alice's preferences unchanged", answer -> Json.read(answer.body()).equals(w.alicePreferences)).build());
        cases.add(HostileCase.of(IDOR, "afterwards: the webhook is still there").by(w.integrator).get(hook).expect(200).build());
        return cases;
    }
}
