package org.feedbackloop.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.feedbackloop.e2e.hostile.Category.TOKENS;

/**
 * Missing, garbage, forged, expired, foreign and tampered tokens: 401 problem+json with a Bearer challenge, on
 * protected paths and on public ones, and nothing reaches anyone's data.
 */
final class TokenAttacks {

    private static final String CHALLENGE = "Bearer realm=\"feedbackloop\"";

    private TokenAttacks() {
    }

    /** Run first, while the short-lived token lives: it works, so its refusal later is for having expired. */
    static HostileCase freshShortLivedToken(World w) {
        return HostileCase.of(TOKENS, "a token of the 5-second client while it is fresh (works)")
                .by(new Caller("5-second client", w.freshExpiringToken(), false, false)).get("/api/feedback?limit=1")
                .expect(200).build();
    }

    static List<HostileCase> cases(World w) {
        var forged = new ForgedTokens(w.alice.token(), w.keycloak.keys());
        var bad = new LinkedHashMap<String, String>();
        bad.put("garbage", "not-a-jwt");
        bad.put("three dots of nothing", "a.b.c");
        bad.put("re-signed with an own RSA key, same kid", forged.ownKeySameKid());
        bad.put("re-signed with an own RSA key, unknown kid", forged.ownKeyUnknownKid());
        bad.put("own key announced by a jku header", forged.ownKeyWithJku());
        bad.put("alg none", forged.algNone());
        bad.put("HS256 keyed with the realm's public key (PEM)", forged.hs256WithThePublicKeyPem());
        bad.put("HS256 keyed with the realm's public key (DER)", forged.hs256WithThePublicKeyBytes());
        bad.put("signature stripped", forged.signatureStripped());
        bad.put("payload tampered: roles admin and manager", forged.tampered(claims ->
                claims.putObject("realm_access").putArray("roles").add("admin").add("manager")));
        bad.put("payload tampered: subject of bob", forged.tampered(claims -> claims.put("sub", "bob-" + w.run)));
        bad.put("payload tampered: a year longer", forged.tampered(claims -> claims.put("exp", Instant.now().getEpochSecond()
                + 31_536_000)));
        bad.put("payload tampered: audience removed", forged.tampered(claims -> claims.remove("aud")));
        bad.put("expired", w.expiredToken());
        bad.put("for another audience", w.foreignAudienceToken());
        bad.put("of another issuer (Keycloak's master realm)", w.keycloak.masterAdminToken());

        var cases = new ArrayList<HostileCase>();
        var everywhere = List.of(new String[]{"GET", "/api/feedback"}, new String[]{"POST", "/api/feedback"},
                new String[]{"GET", "/api/public/updates"});
        var protectedToo = List.of(new String[]{"GET", "/api/actions"}, new String[]{"GET", "/api/me/notifications"},
                new String[]{"GET", "/api/webhooks"}, new String[]{"GET", "/api/me/timeline"}, new String[]{"GET",
                        "/api/feedback/" + w.aliceFeedback});
        var strongest = List.of("re-signed with an own RSA key, same kid", "alg none", "HS256 keyed with the realm's public key (PEM)",
                "payload tampered: roles admin and manager", "expired", "for another audience",
                        "of another issuer (Keycloak's master realm)");
        bad.forEach((kind, token) -> {
            var caller = Caller.holding("a token " + kind, token);
            var paths = new ArrayList<>(everywhere);
            if (strongest.contains(kind)) {
                paths.addAll(protectedToo);
            }
            for (var path : paths) {
                cases.add(refused(w, "a token " + kind, caller, path[0], path[1], true));
            }
        });

        var none = List.of(new String[]{"GET", "/api/feedback"}, new String[]{"POST", "/api/feedback"}, new String[]{"GET", "/api/actions"},
                new String[]{"GET", "/api/me/notifications"}, new String[]{"GET", "/api/me/preferences"}, new String[]{"GET",
                        "/api/webhooks"},
                new String[]{"GET", "/api/me/timeline"}, new String[]{"GET", "/api/routing-rules"}, new String[]{"POST",
                        "/api/public/updates/"
                        + w.aliceAction + "/me-too"}, new String[]{"GET", "/api/nowhere"});
        for (var path : none) {
            cases.add(refused(w, "no token", Caller.ANONYMOUS, path[0], path[1], false));
        }
        var basic = Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
        for (var scheme : Map.of("Basic credentials of alice", "Basic " + basic, "an empty Bearer", "Bearer ",
                "a token without its scheme", w.alice.token(), "two tokens in one header", "Bearer " + w.alice.token()
                        + ", Bearer x.y.z").entrySet()) {
            cases.add(HostileCase.of(TOKENS, scheme.getKey()).header("Authorization", scheme.getValue()).get("/api/feedback")
                    .expect(401).check("a Bearer challenge", TokenAttacks::challenges).build());
        }
        cases.add(HostileCase.of(TOKENS, "a valid token in the query string only").get("/api/feedback?access_token=" + w.alice.token())
                .expect(401).check("a Bearer challenge", TokenAttacks::challenges).build());
        cases.add(HostileCase.of(TOKENS, "a valid token in a cookie only").header("Cookie", "access_token=" + w.alice.token())
                .get("/api/feedback").expect(401).check("a Bearer challenge", TokenAttacks::challenges).build());
        // of two Authorization headers the gateway and the services read the first; a valid second one opens nothing
        cases.add(HostileCase.of(TOKENS, "a garbage token, then alice's valid one").raw("GET /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer garbage\r\nAuthorization: " + w.alice.authorization() + "\r\nConnection: close\r\n\r\n")
                .expect(400, 401).build());
        cases.add(HostileCase.of(TOKENS, "no token, then alice's valid one after an empty header").raw("GET /api/feedback HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: \r\nAuthorization: " + w.alice.authorization()
                                + "\r\nConnection: close\r\n\r\n")
                .expect(400, 401).build());
        cases.add(Cases.nothingRefusedWasStored(w, TOKENS));
        return cases;
    }

    private static HostileCase refused(World w, String kind, Caller caller, String method, String path, boolean invalidToken) {
        var builder = HostileCase.of(TOKENS, kind + " on " + method + " " + path.replace(w.aliceFeedback.toString(), "{alice's}"))
                .by(caller).expect(401)
                .check("a Bearer challenge" + (invalidToken ? " naming invalid_token" : ""), answer -> challenges(answer)
                        && (!invalidToken || answer.header("www-authenticate").contains("error=\"invalid_token\"")));
        return method.equals("POST")
                ? builder.post(path, Cases.feedbackWith(w.refused + " sent with " + kind)).build()
                : builder.get(path).build();
    }

    private static boolean challenges(Answer answer) {
        var challenge = answer.header("www-authenticate");
        return challenge != null && challenge.startsWith(CHALLENGE);
    }
}
