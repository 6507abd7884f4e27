package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.feedbackloop.e2e.hostile.Category.SMUGGLING_AND_TRAVERSAL;

/**
 * Raw HTTP that clients would clean up or refuse to send: paths that read differently to the gateway and to a
 * service, conflicting framing headers, header injection, and Host games. Nothing may reach a route its path does
 * not name, and a request hidden in another's body must not run with the first one's credentials.
 */
final class SmugglingAndTraversal {

    private SmugglingAndTraversal() {
    }

    static List<HostileCase> cases(World w) {
        var cases = new ArrayList<HostileCase>();
        var aliceFeedback = "/api/feedback/" + w.aliceFeedback;
        var ambiguous = List.of("/api/feedback/../actions", "/api/feedback/%2e%2e/actions", "/api/feedback/%2E%2E/actions",
                "/api/feedback/.%2e/actions", "/api/feedback%2f..%2factions", "/api/feedback/..%2Factions", "/api/./actions",
                "/api//actions", "/api/feedback;x=1", "/api/feedback/..;/actions", "/api/feedback/%5c..%5cactions",
                "/api/feedback/%00", "/api/../q/health", "/api/../q/metrics",
                "/api/%2e%2e/q/metrics", "/api/me/timeline/../../feedback/" + w.aliceFeedback,
                "/api/feedback/" + w.aliceFeedback + "/..", "/api/feedback/.", "/api/me/notifications/..%2f..%2ffeedback");
        for (var path : ambiguous) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "path " + path).by(w.bob).raw(request("GET", path, w.bob, "", ""))
                    .expect(400).build());
        }
        for (var path : List.of("/api/public/../actions", "/api/public/%2e%2e/actions", "/api/public/updates/..%2f..%2factions",
                "/api/public/updates/../../feedback", "/api/public//../webhooks")) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "anonymous path " + path).raw(request("GET", path, null, "", ""))
                    .expect(400).build());
        }
        // a request target that is not a URI at all: the HTTP codec refuses it before any handler
        for (var path : List.of("/api/feedback/..\\actions", "/api/feedback/%u002e%u002e/actions", "/api/feedback/%zz")) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "path " + path).by(w.bob).raw(request("GET", path, w.bob, "", ""))
                    .expect(400).refusedByTheCodec().build());
        }
        // encodings the gateway passes on as they are: the service then reads them as one odd segment, not a way out
        for (var path : List.of("/api/feedback/%252e%252e/actions", "/api/feedback/%252e%252e%252factions",
                "/api/feedback/%c0%ae%c0%ae/actions")) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "path " + path).by(w.bob).raw(request("GET", path, w.bob, "", ""))
                    .expect(400, 404).build());
        }
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a path of 9000 characters").by(w.bob)
                .raw(request("GET", "/api/feedback/" + "a".repeat(9000), w.bob, "", "")).expect(414).refusedByTheCodec().build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a path of 3000 characters").by(w.bob)
                .raw(request("GET", "/api/feedback/" + "a".repeat(3000), w.bob, "", "")).expect(400).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a path of 600 segments").by(w.bob)
                .raw(request("GET", "/api/feedback" + "/a".repeat(600), w.bob, "", "")).expect(404).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "dot segments in the query only").by(w.bob)
                .raw(request("GET", "/api/feedback?next=../../actions&x=%2e%2e%2f", w.bob, "", "")).expect(200).build());

        // framing: Content-Length against Transfer-Encoding
        var smuggled = "GET " + aliceFeedback + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "CL.TE: a request hidden after a chunked end").by(w.bob)
                .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\n" + smuggled)
                .expect(400).check("the hidden request never ran as bob", SmugglingAndTraversal::nothingAfterTheFirstSucceeded).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "TE.CL: a Content-Length past the chunked end").by(w.bob)
                .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 80\r\n\r\n"
                        + "5\r\n{\"a\":\r\n0\r\n\r\n"
                        + smuggled)
                .expect(400).check("the hidden request never ran as bob", SmugglingAndTraversal::nothingAfterTheFirstSucceeded).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "TE: xchunked with a hidden request").by(w.bob)
                .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + smuggled)
                .expect(400).check("the hidden request never ran as bob", SmugglingAndTraversal::nothingAfterTheFirstSucceeded).build());
        var framing = List.of(
                new String[]{"two different Content-Lengths", "Content-Length: 2\r\nContent-Length: 30\r\n", "{}"},
                new String[]{"two equal Content-Lengths", "Content-Length: 2\r\nContent-Length: 2\r\n", "{}"},
                new String[]{"a negative Content-Length", "Content-Length: -1\r\n", "{}"},
                new String[]{"a Content-Length that is not a number", "Content-Length: two\r\n", "{}"},
                new String[]{"a space before the colon of Transfer-Encoding", "Transfer-Encoding : chunked\r\n", "2\r\n{}\r\n0\r\n\r\n"});
        for (var frame : framing) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, frame[0]).by(w.bob)
                    .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization()
                            + "\r\nContent-Type: application/json\r\n" + frame[1] + "Connection: close\r\n\r\n" + frame[2])
                    .expect(400).refusedByTheCodec()
                    .check("nothing after the first answer succeeded", SmugglingAndTraversal::nothingAfterTheFirstSucceeded).build());
        }

        // a broken chunk arrives after the request began: the gateway can only close the connection (status 0 here)
        for (var chunk : List.of(new String[]{"a chunk size past 64 bits", "fffffffffffffffffff"},
                new String[]{"a chunk size that is not hex", "zz"})) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, chunk[0]).by(w.bob)
                    .raw("POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            + chunk[1] + "\r\n{}\r\n0\r\n\r\n")
                    .expect(0, 400).refusedByTheCodec().build());
        }

        // header injection
        var codec = List.of(
                new String[]{"a CR inside a header value", "X-Note: a\rInjected: b\r\n"},
                new String[]{"a NUL inside a header value", "X-Note: a\u0000b\r\n"},
                new String[]{"a space inside a header name", "X Note: a\r\n"},
                new String[]{"a header line without a colon", "X-Note\r\n"});
        for (var header : codec) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, header[0]).by(w.bob).raw(request("GET", "/api/feedback", w.bob,
                    header[1], ""))
                    .expect(400).refusedByTheCodec().build());
        }
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "bare LF line ends").by(w.bob)
                .raw(request("GET", "/api/feedback", w.bob, "", "").replace("\r\n", "\n")).expect(400).refusedByTheCodec().build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "an obsolete folded header").by(w.bob)
                .raw(request("GET", "/api/feedback", w.bob, "X-Note: a\r\n Injected: b\r\n", "")).expect(200, 400)
                        .refusedByTheCodec().build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a response header injected through an encoded CRLF").by(w.bob)
                .raw(request("GET", "/api/feedback?x=%0d%0aSet-Cookie:%20evil=1", w.bob, "", "")).expect(200)
                .check("no injected Set-Cookie", SmugglingAndTraversal::noEvilCookie).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a request id carrying a second header").by(w.bob)
                .raw(request("GET", "/api/feedback", w.bob, "X-Request-Id: abc\r\nSet-Cookie: evil=1\r\n", "")).expect(200)
                .check("no injected Set-Cookie", SmugglingAndTraversal::noEvilCookie).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a request id of markup").by(w.bob).header("X-Request-Id",
                "<script>alert(1)</script>")
                .get("/api/feedback").expect(200)
                .check("the request id is replaced", answer -> !String.valueOf(answer.header("x-request-id")).contains("<")).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a traceparent of garbage").by(w.bob).header("traceparent", "00-zz-../../-ff")
                .get("/api/feedback").expect(200).build());

        // Host
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "two Host headers").by(w.bob)
                .raw("GET /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nConnection: close\r\n\r\n").expect(400).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "no Host header (HTTP/1.1)").by(w.bob)
                .raw("GET /api/feedback HTTP/1.1\r\nAuthorization: " + w.bob.authorization() + "\r\nConnection: close\r\n\r\n")
                .expect(400).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a Host with a space").by(w.bob)
                .raw("GET /api/feedback HTTP/1.1\r\nHost: evil example\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nConnection: close\r\n\r\n").expect(400).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a Host with user info").by(w.bob)
                .raw("GET /api/feedback HTTP/1.1\r\nHost: 127.0.0.1@evil.example\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nConnection: close\r\n\r\n").expect(400).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "no Host header (HTTP/1.0, where it is optional)")
                .raw("GET /api/public/updates HTTP/1.0\r\n\r\n").expect(200).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "another site's name as Host").by(w.bob)
                .raw("GET /api/feedback HTTP/1.1\r\nHost: evil.example\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nConnection: close\r\n\r\n").expect(200).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "an absolute URI naming another site").by(w.bob)
                .raw("GET http://evil.example/api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization()
                        + "\r\nConnection: close\r\n\r\n").expect(200).build());
        for (var host : List.of("Host: evil.example\r\n", "Host: 127.0.0.1\r\nX-Forwarded-Host: evil.example\r\n",
                "Host: 127.0.0.1\r\nForwarded: host=evil.example;proto=https\r\n")) {
            cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "sign-in redirect with " + host.replace("\r\n", " ").trim())
                    .raw("GET /portal HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").expect(302)
                    .check("the redirect goes to Keycloak, not to evil.example", answer -> String.valueOf(answer.header("location"))
                            .startsWith(w.keycloak.realmUrl()))
                    .build());
        }

        // methods and pipelining
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "TRACE").by(w.bob).raw(request("TRACE", "/api/feedback", w.bob, "", ""))
                .expect(405).never(w.bob.token()).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "an unknown method").by(w.bob).raw(request("HACK", "/api/feedback",
                w.bob, "", ""))
                .expect(405).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "CONNECT to the database").by(w.bob)
                .raw("CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: 127.0.0.1:5432\r\nConnection: close\r\n\r\n").expect(400, 404, 405)
                .refusedByTheCodec().build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a request line of HTTP/0.9").raw("GET /api/public/updates\r\n\r\n").expect(400)
                .refusedByTheCodec().build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "a space inside the path").by(w.bob)
                .raw(request("GET", "/api/feedback /x", w.bob, "", "")).expect(400).refusedByTheCodec().build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "pipelined: the board, then alice's feedback as bob").by(w.bob)
                .raw("GET /api/public/updates HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + request("GET", aliceFeedback, w.bob, "", ""))
                .expect(200).check("the second answer is 404", answer -> answer.statuses().equals(List.of(200, 404))).build());
        cases.add(HostileCase.of(SMUGGLING_AND_TRAVERSAL, "pipelined: bob's request, then one without a token").by(w.bob)
                .raw("GET /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + w.bob.authorization() + "\r\n\r\n" + smuggled)
                .expect(200).check("the second answer is 401", answer -> answer.statuses().equals(List.of(200, 401))).build());
        return cases;
    }

    /** A request that ends the connection after its answer. */
    private static String request(String method, String target, Caller caller, String headers, String body) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (caller == null ? "" : "Authorization: " + caller.authorization() + "\r\n")
                + headers + "Connection: close\r\n\r\n" + body;
    }

    private static boolean nothingAfterTheFirstSucceeded(Answer answer) {
        return answer.statuses().stream().skip(1).noneMatch(status -> status < 300);
    }

    private static boolean noEvilCookie(Answer answer) {
        var cookies = answer.headers().getOrDefault("set-cookie", List.of());
        return cookies.stream().noneMatch(cookie -> cookie.contains("evil"));
    }
}
