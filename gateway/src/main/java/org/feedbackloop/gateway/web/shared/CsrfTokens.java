package org.feedbackloop.gateway.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens bound to the sign-in session: an HMAC of the session id (Keycloak's {@code sid}, else the subject)
 * under a server-side key. A page embeds it in every form; {@link CsrfFilter} checks it on every unsafe request.
 * Another site can neither read it (same-origin policy) nor compute it (it lacks the key).
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final byte[] key;

    @Inject
    CsrfTokens(WebConfig config) {
        this(config.csrfSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).orElseGet(CsrfTokens::randomKey));
    }

    CsrfTokens(byte[] key) {
        this.key = key.clone();
    }

    public String tokenFor(Viewer viewer) {
        if (!viewer.signedIn()) {
            return "";
        }
        var session = viewer.sessionId() != null ? viewer.sessionId() : viewer.subject();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("csrf|" + viewer.subject() + "|" + session));
    }

    public boolean matches(Viewer viewer, String token) {
        if (!viewer.signedIn() || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(viewer).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomKey() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
