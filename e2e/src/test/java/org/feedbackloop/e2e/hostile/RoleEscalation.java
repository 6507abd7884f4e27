package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.feedbackloop.e2e.hostile.Category.ROLE_ESCALATION;

/**
 * Callers reaching past their role: a customer at staff endpoints, the delivery owner at a billing action, the
 * integrator writing actions, staff and integrators at customers' endpoints; 403 (or 404) and nothing changed.
 */
final class RoleEscalation {

    private RoleEscalation() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        var action = "/api/actions/" + w.aliceAction;
        var writes = List.of(
                new String[]{"POST", action + "/transitions", "{\"to\": \"DECLINED\", \"publicNote\": \"Not doing it\"}"},
                new String[]{"POST", action + "/updates", "{\"publicNote\": \"Hijacked\"}"},
                new String[]{"PUT", action + "/assignment", "{\"ownerId\": \"attacker\", \"ownerName\": \"Attacker\"}"},
                new String[]{"PUT", action + "/due", "{\"dueAt\": \"2099-01-01T00:00:00Z\"}"},
                new String[]{"POST", action + "/links", "{\"feedbackIds\": [\"" + w.bobFeedback + "\"]}"},
                new String[]{"POST", action + "/merge", "{\"into\": \"" + w.deliveryAction + "\"}"});
        var staffOnly = List.of(
                new String[]{"GET", "/api/actions", null},
                new String[]{"GET", action, null},
                new String[]{"GET", action + "/feedback", null},
                new String[]{"POST", "/api/actions", "{\"feedbackIds\": [\"" + w.aliceFeedback + "\"], \"team\": \"billing\"}"},
                new String[]{"GET", "/api/routing-rules", null},
                new String[]{"PUT", "/api/routing-rules/billing", "{\"team\": \"triage\"}"},
                new String[]{"DELETE", "/api/routing-rules/billing", null},
                new String[]{"PUT", "/api/feedback/topics/billing", "{\"keywords\": [\"hijacked\"], \"position\": 0}"},
                new String[]{"GET", "/api/feedback/summary", null},
                new String[]{"GET", "/api/actions/summary", null},
                new String[]{"POST", "/api/webhooks", "{\"url\": \"http://127.0.0.1:9/steal\", \"eventTypes\": [\"feedback.*\"]}"},
                new String[]{"GET", "/api/webhooks", null},
                new String[]{"GET", "/api/webhooks/" + w.webhook, null},
                new String[]{"DELETE", "/api/webhooks/" + w.webhook, null});

        var etag = w.etag(w.maria, w.aliceAction);
        for (var request : concat(writes, staffOnly)) {
            cases.add(attempt(w.alice, request, etag, 403));
        }
        for (var request : List.of(staffOnly.get(0), staffOnly.get(5), staffOnly.get(10))) {
            cases.add(attempt(w.bob, request, etag, 403));
        }
        // the owner of team delivery at a billing action and at managers' settings
        for (var request : writes) {
            cases.add(attempt(w.oscar, request, etag, 403, 404));
        }
        cases.add(attempt(w.oscar, new String[]{"POST", "/api/actions", "{\"feedbackIds\": [\"" + w.aliceFeedback
                + "\"], \"team\": \"billing\"}"},
                etag, 403));
        for (var request : List.of(staffOnly.get(5), staffOnly.get(6), staffOnly.get(7), staffOnly.get(9), staffOnly.get(10))) {
            cases.add(attempt(w.oscar, request, etag, 403));
        }
        // the integrator reads actions but writes none, and has no inbox of its own
        for (var request : writes) {
            cases.add(attempt(w.integrator, request, etag, 403));
        }
        for (var request : List.of(staffOnly.get(3), staffOnly.get(5), staffOnly.get(7), staffOnly.get(9),
                new String[]{"GET", "/api/me/notifications", null}, new String[]{"PUT", "/api/me/preferences",
                        "{\"email\": false, \"inApp\": false, \"digest\": \"DAILY\"}"}, new String[]{"GET", "/api/me/timeline", null},
                new String[]{"POST", "/api/public/updates/" + w.aliceAction + "/me-too", null})) {
            cases.add(attempt(w.integrator, request, etag, 403));
        }
        // staff where customers act
        cases.add(attempt(w.olivia, new String[]{"POST", "/api/feedback", Cases.feedbackWith(w.refused + " from an owner")}, etag, 403));
        cases.add(attempt(w.maria, new String[]{"POST", "/api/feedback", Cases.feedbackWith(w.refused + " from a manager")}, etag, 403));
        cases.add(attempt(w.olivia, new String[]{"GET", "/api/me/timeline", null}, etag, 403));
        cases.add(attempt(w.maria, new String[]{"GET", "/api/webhooks", null}, etag, 403));
        cases.add(attempt(w.admin, new String[]{"POST", "/api/webhooks",
                "{\"url\": \"http://127.0.0.1:9/a\", \"eventTypes\": [\"action.*\"]}"},
                etag, 403));
        cases.add(attempt(w.admin, new String[]{"POST", "/api/public/updates/" + w.aliceAction + "/me-too", null}, etag, 403));
        // roles claimed in headers and parameters instead of the token
        for (var header : List.of("X-Forwarded-User: maria", "X-Roles: admin,manager", "X-Forwarded-Groups: /teams/billing",
                "X-Original-URL: /api/public/updates")) {
            var parts = header.split(": ", 2);
            cases.add(HostileCase.of(ROLE_ESCALATION, "alice claiming " + header).by(w.alice).header(parts[0], parts[1])
                    .get("/api/actions").expect(403).build());
        }
        cases.add(HostileCase.of(ROLE_ESCALATION, "alice asking with role=admin").by(w.alice).get("/api/actions?role=admin&roles=manager")
                .expect(403).build());

        cases.add(HostileCase.of(ROLE_ESCALATION, "afterwards: alice's action is as it was").by(w.maria).get(action).expect(200)
                .check("status, owner, team, due date and titles unchanged; no history by alice, bob, oscar or the integrator",
                        answer -> Snapshots.sameAction(w, answer)).build());
        cases.add(HostileCase.of(ROLE_ESCALATION, "afterwards: the routing rules are as they were").by(w.maria).get("/api/routing-rules")
                .expect(200).check("routing rules unchanged", answer -> Json.read(answer.body()).equals(w.routingRules)).build());
        cases.add(HostileCase.of(ROLE_ESCALATION, "afterwards: the topics are as they were").by(w.maria).get("/api/feedback/topics")
                .expect(200).check("topics unchanged", answer -> Json.read(answer.body()).equals(w.topics)).build());
        cases.add(HostileCase.of(ROLE_ESCALATION, "afterwards: the integrator's webhook is still there").by(w.integrator)
                .get("/api/webhooks/" + w.webhook).expect(200).build());
        cases.add(HostileCase.of(ROLE_ESCALATION, "afterwards: no webhook was added for the integrator").by(w.integrator)
                .get("/api/webhooks?limit=100").expect(200)
                .check("no webhook points at /steal", answer -> !answer.body().contains("/steal")).build());
        cases.add(Cases.nothingRefusedWasStored(w, ROLE_ESCALATION));
        return cases;
    }

    private static HostileCase attempt(Caller caller, String[] request, String etag, int... expected) {
        var builder = HostileCase.of(ROLE_ESCALATION, caller.name() + ": " + request[0] + " " + request[1]).by(caller)
                .request(request[0], request[1], request[2]).expect(expected);
        if (request[1].startsWith("/api/actions/") && !request[0].equals("GET")) {
            builder.header("If-Match", etag);
        }
        return builder.build();
    }

    private static List<String[]> concat(List<String[]> a, List<String[]> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
