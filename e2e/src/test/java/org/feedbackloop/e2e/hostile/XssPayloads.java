package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.feedbackloop.e2e.hostile.Category.XSS;

/**
 * Markup that runs if a page prints it unescaped, stored through the API by a customer (her feedback) and by staff
 * (a public note and title, which contributors and the public board read). The API keeps it as plain text; the
 * browser part ({@link XssInTheBrowser}) checks how the pages show it.
 */
final class XssPayloads {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('xss1')</script>",
            "<img src=x onerror=alert('xss2')>",
            "\"><svg onload=alert('xss3')>",
            "</textarea><script>alert('xss4')</script>",
            "<a href=\"javascript:alert('xss5')\">my invoice</a>",
            "<iframe srcdoc=\"<script>alert('xss6')</script>\"></iframe>",
            "'-alert('xss7')-'",
            "<details open ontoggle=alert('xss8')>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss9')>",
            "<body onload=alert('xss10')>");

    static final String STAFF_TITLE = "Fees <img src=x onerror=alert('title')> explained";
    static final String STAFF_NOTE = "Fixed <script>alert('note')</script> and <b onmouseover=alert('b')>more</b>";

    /** What the customer stored: each payload's whole text and the item's id. */
    record Stored(String payload, String text, UUID feedbackId) {
    }

    private final List<Stored> stored = new ArrayList<>();

    List<Stored> stored() {
        return List.copyOf(stored);
    }

    List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        int n = 0;
        for (var payload : PAYLOADS) {
            var text = "Pricing page " + n++ + " says " + payload + " when I open it " + w.run;
            var name = "feedback text " + payload;
            cases.add(HostileCase.of(XSS, name).by(w.alice)
                    .post("/api/feedback", Json.write(Map.of("text", text, "channel", "WEB", "topic", "billing"))).expect(201)
                    .then(created -> {
                        stored.add(new Stored(payload, text, UUID.fromString(Json.read(created.body()).path("id").asText())));
                        return Cases.readBack(XSS, w.alice, name, "text", text).apply(created);
                    })
                    .build());
        }
        cases.add(HostileCase.of(XSS, "a public title and note of markup").by(w.oscar).header("If-Match", w.etag(w.oscar, w.deliveryAction))
                .post("/api/actions/" + w.deliveryAction + "/updates", Json.write(Map.of("publicNote", STAFF_NOTE, "publicTitle",
                        STAFF_TITLE)))
                .expect(200)
                .check("the note is kept as written", answer -> Json.read(answer.body()).path("publicNote").asText().equals(STAFF_NOTE))
                .then(answer -> List.of(HostileCase.of(XSS, "the markup on the public board (API)").get("/api/public/updates/"
                        + w.deliveryAction)
                        .expect(200)
                        .check("title and note read back exactly", board -> Json.read(board.body()).path("title").asText()
                                .equals(STAFF_TITLE)
                                && Json.read(board.body()).path("publicNote").asText().equals(STAFF_NOTE))
                        .build()))
                .build());
        cases.add(HostileCase.of(XSS, "the note in bob's inbox (API)").by(w.bob).get("/api/me/notifications?limit=100").expect(200)
                .eventually().check("an inbox item quotes the note exactly",
                        answer -> Cases.anyTextContains(Json.read(answer.body()), STAFF_NOTE))
                .build());
        return cases;
    }
}
