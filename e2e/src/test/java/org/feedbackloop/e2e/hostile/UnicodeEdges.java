package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.feedbackloop.e2e.hostile.Category.UNICODE;

/**
 * Text at the edges of Unicode: what is valid is stored and read back byte for byte; what PostgreSQL cannot store as
 * sent (NUL, unpaired surrogates, bytes that are not UTF-8) or is too long is refused with 400.
 */
final class UnicodeEdges {

    private UnicodeEdges() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        var valid = new LinkedHashMap<String, String>();
        valid.put("a right-to-left override", "rtl \u202Egnp.exe\u202C and \u200F\u05E9\u05DC\u05D5\u05DD\u200E back");
        valid.put("zero-width characters", "zero\u200Bwidth\u200Cjoin\u200Dnon\uFEFFbreak\u2060word");
        valid.put("emoji with joiners, flags and skin tones", "emoji 😀 👩‍👩‍👧‍👦 🏳️‍🌈 🇬🇧 👍🏽 done");
        valid.put("combining marks (zalgo)",
                "combining e\u0301 a\u0308 Z\u0334\u0321\u032a\u032b\u0353\u0349\u0319\u031d\u0325\u0331\u033c\u033d\u0343 end");
        valid.put("the same word in NFC and NFD", "caf\u00e9 or cafe\u0301, never normalised");
        valid.put("many scripts", "scripts 你好 مرحبا שלום नमस्ते Ελληνικά ქართული");
        valid.put("characters outside the BMP", "astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈 𝄞 𠜎");
        valid.put("line and paragraph separators", "sep a\u2028b\u2029c");
        valid.put("noncharacters", "nonchar \uFDD0 \uFFFE \uFFFF end");
        valid.put("tabs, newlines and other controls", "controls a\tb\nc\r\nd\u0007e\u001Bf");
        valid.put("5000 characters", "u".repeat(5000));
        valid.put("5000 accented characters (10 000 bytes)", "\u00e9".repeat(5000));
        valid.put("2500 emoji (5000 UTF-16 units)", "😀".repeat(2500));
        valid.forEach((name, text) -> cases.add(HostileCase.of(UNICODE, name).by(w.alice)
                .post("/api/feedback", Cases.feedbackWith(text)).expect(201)
                .then(Cases.readBack(UNICODE, w.alice, name, "text", text)).build()));
        var escapedPair = "escaped pair \\ud83d\\ude00 ok";
        cases.add(HostileCase.of(UNICODE, "a surrogate pair written as JSON escapes").by(w.alice)
                .post("/api/feedback", Cases.feedback("\"" + escapedPair + "\"", "")).expect(201)
                .then(Cases.readBack(UNICODE, w.alice, "a surrogate pair written as JSON escapes", "text", "escaped pair 😀 ok")).build());
        cases.add(HostileCase.of(UNICODE, "an external reference with an RTL override").by(w.alice)
                .post("/api/feedback", Json.write(Map.of("text", "ref check " + w.run, "channel", "WEB",
                        "externalRef", "ref-\u202Etxt.exe")))
                .expect(201).then(Cases.readBack(UNICODE, w.alice, "an external reference with an RTL override", "externalRef",
                        "ref-\u202Etxt.exe")).build());

        var invalid = new LinkedHashMap<String, String>();
        invalid.put("NUL", "nul \\u0000 " + w.refused);
        invalid.put("a lone high surrogate", "high \\ud83d " + w.refused);
        invalid.put("a lone low surrogate", "low \\ude00 " + w.refused);
        invalid.put("a surrogate pair reversed", "reversed \\ude00\\ud83d " + w.refused);
        invalid.put("a high surrogate at the end", w.refused + " end \\ud83d");
        invalid.forEach((name, escaped) -> cases.add(HostileCase.of(UNICODE, name + " (escaped in JSON)").by(w.alice)
                .post("/api/feedback", Cases.feedback("\"" + escaped + "\"", "")).expect(400).build()));
        var tooLong = new LinkedHashMap<String, String>();
        tooLong.put("5001 characters", w.refused + "u".repeat(5001 - w.refused.length()));
        tooLong.put("5001 accented characters", w.refused + "\u00e9".repeat(5001 - w.refused.length()));
        tooLong.put("5001 emoji", w.refused + "😀".repeat(5001));
        tooLong.put("only blanks and a line separator", " \u2028 ");
        tooLong.forEach((name, text) -> cases.add(HostileCase.of(UNICODE, name).by(w.alice)
                .post("/api/feedback", Cases.feedbackWith(text)).expect(400).build()));
        var bytes = new LinkedHashMap<String, byte[]>();
        bytes.put("a byte 0xFF", new byte[]{(byte) 0xFF});
        bytes.put("an overlong encoding of '/'", new byte[]{(byte) 0xC0, (byte) 0xAF});
        bytes.put("a surrogate encoded in UTF-8 (CESU)", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0xBD});
        bytes.put("a truncated 4-byte sequence", new byte[]{(byte) 0xF0, (byte) 0x9F, (byte) 0x98});
        bytes.forEach((name, raw) -> cases.add(HostileCase.of(UNICODE, name + " in the text").by(w.alice)
                .request("POST", "/api/feedback", MalformedBodies.withBytes("{\"text\": \"" + w.refused + " ", raw,
                        "\", \"channel\": \"WEB\"}"))
                .expect(400).build()));
        var overlongSlash = new byte[]{(byte) 0xC0, (byte) 0xAF};
        cases.add(HostileCase.of(UNICODE, "an overlong encoding in a webhook description").by(w.integrator)
                .request("POST", "/api/webhooks", MalformedBodies.withBytes("{\"url\": \"http://127.0.0.1:9/o\", \"eventTypes\": "
                        + "[\"action.*\"], \"description\": \"" + w.refused + " ", overlongSlash, "\"}"))
                .expect(400).build());
        cases.add(HostileCase.of(UNICODE, "an overlong encoding in a public note").by(w.oscar).header("If-Match", w.etag(w.oscar,
                w.deliveryAction))
                .request("POST", "/api/actions/" + w.deliveryAction + "/updates",
                        MalformedBodies.withBytes("{\"publicNote\": \"" + w.refused + " ", overlongSlash, "\"}"))
                .expect(400).build());
        cases.add(HostileCase.of(UNICODE, "NUL in the external reference").by(w.alice)
                .post("/api/feedback", Cases.feedback("\"" + w.refused + "\"", "\"externalRef\": \"a\\u0000b\"")).expect(400).build());
        cases.add(HostileCase.of(UNICODE, "a lone surrogate in the contact address").by(w.alice)
                .post("/api/feedback", Cases.feedback("\"" + w.refused + "\"", "\"contact\": {\"email\": \"a\\ud800@example.com\"}"))
                .expect(400).build());
        cases.add(HostileCase.of(UNICODE, "NUL in a webhook description").by(w.integrator)
                .post("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/u\", \"eventTypes\": [\"action.*\"], \"description\": \"a\\u0000\"}")
                .expect(400).build());
        cases.add(HostileCase.of(UNICODE, "a lone surrogate in an internal note").by(w.olivia).header("If-Match",
                w.etag(w.olivia, w.aliceAction))
                .post("/api/actions/" + w.aliceAction + "/transitions", "{\"to\": \"PLANNED\", \"note\": \"\\udfff\"}")
                        .expect(400).build());

        // search, paths and headers
        cases.add(HostileCase.of(UNICODE, "searching for an accented word").by(w.alice).get("/api/feedback?q=" + World.encode("café"))
                .expect(200).build());
        cases.add(HostileCase.of(UNICODE, "searching for emoji").by(w.alice).get("/api/feedback?q=" + World.encode("😀 👩‍👩‍👧‍👦"))
                .expect(200).build());
        cases.add(HostileCase.of(UNICODE, "searching for NUL").by(w.alice).get("/api/feedback?q=a%00b").expect(400).build());
        cases.add(HostileCase.of(UNICODE, "an RTL override as the feedback id").by(w.alice).get("/api/feedback/"
                + World.encode("\u202E1234"))
                .expect(400).build());
        cases.add(HostileCase.of(UNICODE, "an Idempotency-Key in UTF-8").by(w.alice)
                .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.alice.authorization()
                        + "\r\nContent-Type: application/json\r\nIdempotency-Key: cl\u00C3\u00A9\r\nContent-Length: "
                        + Cases.feedbackWith(w.refused).length() + "\r\nConnection: close\r\n\r\n" + Cases.feedbackWith(w.refused))
                .expect(400).build());

        // what staff and integrators write is kept as exactly
        var description = "Sync \u202Eylno\u202C 🔁 e\u0301 " + w.run;
        cases.add(HostileCase.of(UNICODE, "a webhook description with RTL, emoji and combining marks").by(w.integrator)
                .post("/api/webhooks", Json.write(Map.of("url", "http://127.0.0.1:9/unicode", "eventTypes", List.of("action.*"),
                        "description", description)))
                .expect(201)
                .then(created -> List.of(
                        HostileCase.of(UNICODE, "the webhook description (read back)").by(w.integrator).get(created.header("location"))
                                .expect(200).check("description reads back exactly",
                                        answer -> Json.read(answer.body()).path("description").asText().equals(description)).build(),
                        HostileCase.of(UNICODE, "the webhook description (deleted again)").by(w.integrator)
                                .delete(created.header("location"))
                                .expect(204).build()))
                .build());
        var note = "Progress 🚚 \u202Edeen\u202C e\u0301 Z\u0334\u0321 \u2028 " + w.run;
        cases.add(HostileCase.of(UNICODE, "a public note with RTL, emoji and combining marks").by(w.oscar)
                .header("If-Match", w.etag(w.oscar, w.deliveryAction))
                .post("/api/actions/" + w.deliveryAction + "/updates", Json.write(Map.of("publicNote", note)))
                .expect(200)
                .check("the public note reads back exactly", answer -> Json.read(answer.body()).path("publicNote").asText().equals(note))
                .build());

        cases.add(Cases.nothingRefusedWasStored(w, UNICODE));
        return cases;
    }
}
