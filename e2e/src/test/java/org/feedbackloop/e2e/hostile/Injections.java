package org.feedbackloop.e2e.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.feedbackloop.e2e.hostile.Category.INJECTION;

/**
 * SQL and template syntax wherever a client's text goes: stored as plain text and read back unchanged, or refused;
 * never executed (no {@code 49} for {@code 7*7}, no configuration value, no sleeping query, no dropped table).
 */
final class Injections {

    static final List<String> SQL = List.of(
            "' OR '1'='1",
            "'; DROP TABLE feedback; --",
            "\" OR \"\"=\"",
            "1'; SELECT pg_sleep(5); --",
            "') UNION SELECT id, text, contact_email FROM feedback --",
            "%' OR 1=1 --",
            "\\'; DELETE FROM action; --",
            "$$; DROP TABLE action; $$",
            "1' AND (SELECT count(*) FROM pg_tables) > 0 --",
            "'||(SELECT current_setting('server_version'))||'");

    static final List<String> TEMPLATES = List.of(
            "{inject:vertx}",
            "{config:['quarkus.datasource.password']}",
            "${7*7}",
            "{{7*7}}",
            "#{7*7}",
            "{7*7}",
            "<%= 7*7 %>",
            "*{7*7}",
            "[[${7*7}]]",
            "@(7*7)",
            "{#for i in 1..3}{i}{/for}",
            "{#include web/layout /}",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "{{constructor.constructor('return 7*7')()}}");

    private Injections() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        int n = 0;
        for (var payload : concat(SQL, TEMPLATES)) {
            // a word around the payload shows a template that ran: "zqN 49 end" instead of "zqN ${7*7} end"
            var text = "inj" + n++ + " " + payload + " end " + w.run;
            var name = "feedback text " + payload;
            cases.add(HostileCase.of(INJECTION, name).by(w.alice).post("/api/feedback", Cases.feedbackWith(text)).expect(201)
                    .check("no 49 where 7*7 was written", answer -> !answer.body().contains(" 49 end"))
                    .then(Cases.readBack(INJECTION, w.alice, name, "text", text)).build());
        }
        for (var payload : SQL) {
            cases.add(HostileCase.of(INJECTION, "search q=" + payload).by(w.alice)
                    .get("/api/feedback?limit=100&q=" + World.encode(payload)).expect(200)
                    .check("answers at once (no pg_sleep ran)", answer -> answer.took().compareTo(Duration.ofSeconds(4)) < 0)
                    .build());
            cases.add(HostileCase.of(INJECTION, "feedback id " + payload).by(w.alice)
                    .get("/api/feedback/" + World.encode(payload)).expect(400).build());
            cases.add(HostileCase.of(INJECTION, "topic filter " + payload).by(w.alice)
                    .get("/api/feedback?topic=" + World.encode(payload)).expect(400).build());
            cases.add(HostileCase.of(INJECTION, "cursor " + payload).by(w.alice)
                    .get("/api/feedback?cursor=" + World.encode(payload)).expect(400).build());
        }
        var sample = List.of(SQL.get(0), SQL.get(1), TEMPLATES.get(1), TEMPLATES.get(2));
        for (var payload : sample) {
            var encoded = World.encode(payload);
            cases.add(HostileCase.of(INJECTION, "action id " + payload).by(w.olivia).get("/api/actions/" + encoded).expect(400).build());
            cases.add(HostileCase.of(INJECTION, "team filter " + payload).by(w.olivia).get("/api/actions?team=" + encoded)
                    .expect(400).build());
            cases.add(HostileCase.of(INJECTION, "action cursor " + payload).by(w.olivia).get("/api/actions?cursor=" + encoded)
                    .expect(400).build());
            cases.add(HostileCase.of(INJECTION, "board id " + payload).get("/api/public/updates/" + encoded).expect(400).build());
            cases.add(HostileCase.of(INJECTION, "board cursor " + payload).get("/api/public/updates?cursor=" + encoded)
                    .expect(400).build());
            cases.add(HostileCase.of(INJECTION, "inbox cursor " + payload).by(w.alice).get("/api/me/notifications?cursor=" + encoded)
                    .expect(400).build());
            cases.add(HostileCase.of(INJECTION, "webhook id " + payload).by(w.integrator).get("/api/webhooks/" + encoded)
                    .expect(400).build());
            cases.add(HostileCase.of(INJECTION, "topic name " + payload).by(w.maria)
                    .put("/api/feedback/topics/" + encoded, "{\"keywords\": [\"x\"], \"position\": 1}").expect(400).build());
            cases.add(HostileCase.of(INJECTION, "routing rule topic " + payload).by(w.maria)
                    .put("/api/routing-rules/" + encoded, "{\"team\": \"billing\"}").expect(400).build());
            cases.add(HostileCase.of(INJECTION, "feedback topic " + payload).by(w.alice)
                    .post("/api/feedback", Cases.feedback("\"" + w.refused + "\"", "\"topic\": " + Json.quote(payload)))
                            .expect(400).build());
        }
        var reference = "'; DROP TABLE feedback; -- {config:['quarkus.datasource.password']}";
        cases.add(HostileCase.of(INJECTION, "external reference with SQL and a template").by(w.alice)
                .post("/api/feedback", Json.write(Map.of("text", "ref " + w.run, "channel", "WEB", "externalRef", reference))).expect(201)
                .then(Cases.readBack(INJECTION, w.alice, "external reference with SQL and a template", "externalRef", reference)).build());
        cases.add(HostileCase.of(INJECTION, "an Idempotency-Key of SQL").by(w.alice).header("Idempotency-Key", "'or'1'='1'--" + w.run)
                .post("/api/feedback", Cases.feedbackWith("idem " + w.run)).expect(201)
                .then(first -> List.of(HostileCase.of(INJECTION, "the same SQL key again (a replay, not a query)").by(w.alice)
                        .header("Idempotency-Key", "'or'1'='1'--" + w.run).post("/api/feedback", Cases.feedbackWith("idem " + w.run))
                        .expect(201)
                        .check("the same item is replayed", again -> "true".equals(again.header("idempotent-replayed"))
                                && Json.read(again.body()).path("id").equals(Json.read(first.body()).path("id")))
                        .build()))
                .build());
        cases.add(HostileCase.of(INJECTION, "an X-Request-Id of SQL").by(w.alice).header("X-Request-Id", "1' OR '1'='1")
                .get("/api/feedback?limit=1").expect(200)
                .check("the request id is replaced, not echoed", answer -> !String.valueOf(answer.header("x-request-id")).contains("'"))
                .build());

        // template syntax where staff write and contributors read: the note is kept as written on the public board
        var note = "We fixed it: ${7*7} {{7*7}} {config:['quarkus.datasource.password']} {inject:vertx} " + w.run;
        cases.add(HostileCase.of(INJECTION, "a public note of template syntax").by(w.oscar)
                .header("If-Match", w.etag(w.oscar, w.deliveryAction))
                .post("/api/actions/" + w.deliveryAction + "/updates", Json.write(Map.of("publicNote", note))).expect(200)
                .then(answer -> List.of(HostileCase.of(INJECTION, "the note on the public board").get("/api/public/updates/"
                        + w.deliveryAction)
                        .expect(200)
                        .check("the public note reads back exactly", board -> Json.read(board.body()).path("publicNote").asText()
                                .equals(note))
                        .build()))
                .build());
        cases.add(HostileCase.of(INJECTION, "the note in bob's inbox").by(w.bob).get("/api/me/notifications?limit=100").expect(200)
                .eventually()
                .check("an inbox item quotes the note exactly", answer -> Cases.anyTextContains(Json.read(answer.body()), note))
                .build());

        // nothing was dropped: the tables still answer, alice's words are as they were
        cases.add(HostileCase.of(INJECTION, "afterwards: feedback still lists").by(w.maria).get("/api/feedback?limit=1")
                .expect(200).build());
        cases.add(HostileCase.of(INJECTION, "afterwards: actions still list").by(w.maria).get("/api/actions?limit=1").expect(200).build());
        cases.add(HostileCase.of(INJECTION, "afterwards: alice's feedback reads as it was").by(w.alice)
                .get("/api/feedback/" + w.aliceFeedback).expect(200)
                .check("alice's feedback is unchanged", answer -> Snapshots.sameFeedback(w, answer)).build());
        cases.add(HostileCase.of(INJECTION, "afterwards: the routing rules are as they were").by(w.maria).get("/api/routing-rules")
                .expect(200).check("routing rules unchanged", answer -> Json.read(answer.body()).equals(w.routingRules)).build());
        cases.add(Cases.nothingRefusedWasStored(w, INJECTION));
        return cases;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
