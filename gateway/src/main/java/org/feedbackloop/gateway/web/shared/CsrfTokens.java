package org.feedbackloop.gateway.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedbackloop.kit.signing.Signer;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens bound to the sign-in session: the kit's {@link Signer} signature (HMAC-SHA256) of the subject and
 * the session id (Keycloak's {@code sid}, else the subject) under a server-side key. A page embeds it in every form;
 * {@link CsrfFilter} checks it on every unsafe request. Another site can neither read it (same-origin policy) nor
 * compute it (it lacks the key).
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final int SIGNATURE_BYTES = 32;

    private final Signer signer;

    @Inject
    CsrfTokens(WebConfig config) {
        this(config.csrfSecret().orElseGet(CsrfTokens::randomSecret));
    }

    CsrfTokens(String secret) {
        this.signer = Signer.hmacSha256(secret, SIGNATURE_BYTES);
    }

    public String tokenFor(Viewer viewer) {
        return viewer.signedIn() ? signer.signature(boundTo(viewer)) : "";
    }

    public boolean matches(Viewer viewer, String token) {
        return viewer.signedIn() && token != null && !token.isEmpty() && signer.isSignature(boundTo(viewer), token);
    }

    private static String boundTo(Viewer viewer) {
        var session = viewer.sessionId() != null ? viewer.sessionId() : viewer.subject();
        return "csrf|" + viewer.subject() + "|" + session;
    }

    private static String randomSecret() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
