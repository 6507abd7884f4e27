package org.feedbackloop.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.feedbackloop.e2e.hostile.Category.MALFORMED_BODIES;

/** Bodies that are not the JSON object asked for, bodies over 64 KiB, and headers past what the server reads. */
final class MalformedBodies {

    private static final int LIMIT = 64 * 1024;

    private MalformedBodies() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        var word = "\"" + w.refused + " words\"";
        var valid = Cases.feedback(word, "");
        var broken = new LinkedHashMap<String, String>();
        broken.put("JSON cut off", "{\"text\": " + word + ", \"channel\": ");
        broken.put("single quotes", "{'text': '" + w.refused + "', 'channel': 'WEB'}");
        broken.put("unquoted names", "{text: " + word + ", channel: \"WEB\"}");
        broken.put("a trailing comma", "{\"text\": " + word + ", \"channel\": \"WEB\",}");
        broken.put("two objects in a row", valid + " " + valid);
        broken.put("a comment before the object", "/* note */ " + valid);
        broken.put("an unterminated string", "{\"text\": \"" + w.refused);
        broken.put("a raw control character in a string", "{\"text\": \"a\u0001b " + w.refused + "\", \"channel\": \"WEB\"}");
        broken.put("an empty body", "");
        broken.put("only whitespace", " \n\t ");
        broken.put("null", "null");
        broken.put("an empty array", "[]");
        broken.put("an array holding the object", "[" + valid + "]");
        broken.put("a JSON string", word);
        broken.put("a JSON number", "42");
        broken.put("a JSON boolean", "true");
        broken.put("NaN as a score", Cases.feedback(word, "\"rating\": {\"scale\": \"NPS\", \"score\": NaN}"));
        broken.put("arrays nested 5000 deep in an unknown field", Cases.feedback(word, "\"extra\": " + "[".repeat(5000)
                + "]".repeat(5000)));
        broken.put("objects nested 2000 deep in an unknown field", Cases.feedback(word, "\"extra\": " + "{\"a\":".repeat(2000)
                + "1" + "}".repeat(2000)));
        broken.put("arrays nested 2000 deep as the rating", Cases.feedback(word, "\"rating\": " + "[".repeat(2000) + "]".repeat(2000)));
        broken.put("a score of 2000 digits", Cases.feedback(word, "\"rating\": {\"scale\": \"NPS\", \"score\": " + "9".repeat(2000) + "}"));
        broken.put("a number of 2000 digits in an unknown field", Cases.feedback(word, "\"extra\": " + "1".repeat(2000)));
        broken.forEach((name, body) -> cases.add(HostileCase.of(MALFORMED_BODIES, name).by(w.alice)
                .post("/api/feedback", body).expect(400).build()));

        for (var type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x",
                "application/jsonx")) {
            cases.add(HostileCase.of(MALFORMED_BODIES, "a JSON body sent as " + type).by(w.alice)
                    .post("/api/feedback", valid).contentType(type).expect(415).build());
        }
        cases.add(HostileCase.of(MALFORMED_BODIES, "bytes that are not UTF-8 in a string").by(w.alice)
                .request("POST", "/api/feedback", withBytes("{\"text\": \"" + w.refused + " ", new byte[]{(byte) 0xC3, 0x28},
                        "\", \"channel\": \"WEB\"}"))
                .expect(400).build());

        // other endpoints take malformed bodies just as calmly
        var etag = w.etag(w.olivia, w.aliceAction);
        cases.add(HostileCase.of(MALFORMED_BODIES, "a transition cut off").by(w.olivia).header("If-Match", etag)
                .post("/api/actions/" + w.aliceAction + "/transitions", "{\"to\": ").expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a transition as an array").by(w.olivia).header("If-Match", etag)
                .post("/api/actions/" + w.aliceAction + "/transitions", "[\"PLANNED\"]").expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "preferences as an array").by(w.alice)
                .put("/api/me/preferences", "[true, true, \"DAILY\"]").expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "preferences cut off").by(w.alice)
                .put("/api/me/preferences", "{\"email\": fal").expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a webhook as a string").by(w.integrator)
                .post("/api/webhooks", "\"http://127.0.0.1/x\"").expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a routing rule cut off").by(w.maria)
                .put("/api/routing-rules/billing", "{\"team\": ").expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "topic keywords as an object").by(w.maria)
                .put("/api/feedback/topics/billing", "{\"keywords\": {\"a\": 1}, \"position\": 1}").expect(400).build());

        // sizes: the limit is 64 KiB, for announced and for chunked bodies
        var prefix = "{\"channel\": \"WEB\", \"text\": \"" + w.refused + " ";
        var suffix = "\"}";
        cases.add(HostileCase.of(MALFORMED_BODIES, "a body of 64 KiB and one byte").by(w.alice)
                .post("/api/feedback", prefix + "x".repeat(LIMIT + 1 - prefix.length() - suffix.length()) + suffix).expect(413).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a body of exactly 64 KiB (read, then refused for its text)").by(w.alice)
                .post("/api/feedback", prefix + "x".repeat(LIMIT - prefix.length() - suffix.length()) + suffix).expect(400).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a body of 100 KiB").by(w.alice)
                .post("/api/feedback", prefix + "x".repeat(100 * 1024) + suffix).expect(413).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "70 KiB of preferences").by(w.alice)
                .put("/api/me/preferences", "{\"email\": true, \"pad\": \"" + "p".repeat(70_000) + "\"}").expect(413).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "70 KiB of webhook").by(w.integrator)
                .post("/api/webhooks", "{\"url\": \"http://127.0.0.1/" + "u".repeat(70_000) + "\"}").expect(413).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "70 KiB of public note").by(w.olivia).header("If-Match", etag)
                .post("/api/actions/" + w.aliceAction + "/updates", "{\"publicNote\": \"" + "n".repeat(70_000) + "\"}")
                        .expect(413).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a chunked body of 72 KiB").by(w.alice)
                .raw(chunked(w.alice, 9)).expect(413).build());
        cases.add(HostileCase.of(MALFORMED_BODIES, "a Content-Length of 10 GiB").by(w.alice)
                .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.alice.authorization()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n{}").expect(413).build());

        // headers: 20 KiB in all at most; the HTTP codec refuses more before any handler (431, no body)
        cases.add(huge(w, "a header of 30 000 characters", "X-Padding: " + "a".repeat(30_000) + "\r\n"));
        cases.add(huge(w, "a bearer token of 30 000 characters", "Authorization: Bearer " + "a".repeat(30_000) + "\r\n"));
        cases.add(huge(w, "a cookie of 30 000 characters", "Cookie: q_session_web=" + "c".repeat(30_000) + "\r\n"));
        cases.add(huge(w, "40 headers of 1 KiB", ("X-Padding: " + "b".repeat(1024) + "\r\n").repeat(40)));
        cases.add(huge(w, "a header name of 25 000 characters", "X-" + "n".repeat(25_000) + ": 1\r\n"));
        cases.add(HostileCase.of(MALFORMED_BODIES, "500 small headers (within the limit)")
                .raw("GET /api/public/updates HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Small: 1\r\n".repeat(500)
                        + "Connection: close\r\n\r\n").expect(200).build());

        cases.add(Cases.nothingRefusedWasStored(w, MALFORMED_BODIES));
        return cases;
    }

    private static HostileCase huge(World w, String name, String headerLines) {
        return HostileCase.of(MALFORMED_BODIES, name).by(w.alice)
                .raw("GET /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headerLines + "Connection: close\r\n\r\n")
                .expect(431).refusedByTheCodec().build();
    }

    /** A POST of {@code chunks} chunks of 8 KiB, never announcing its length. */
    private static String chunked(Caller caller, int chunks) {
        var chunk = "x".repeat(8 * 1024);
        var request = new StringBuilder("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ")
                .append(caller.authorization()).append("\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < chunks; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }

    static byte[] withBytes(String before, byte[] bytes, String after) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
