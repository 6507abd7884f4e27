package org.feedbackloop.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens an attacker can make from a real one: re-signed with their own RSA key (under the realm's key id, an
 * unknown one, or with a {@code jku} pointing at their key set), unsigned ({@code alg: none}), HMAC-signed with the
 * realm's public key (the RS256/HS256 confusion), or with a changed payload and the original signature.
 */
public final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String genuine;
    private final ObjectNode header;
    private final ObjectNode claims;
    private final PublicKey realmKey;
    private final KeyPair ownKey;

    public ForgedTokens(String genuine, JsonNode realmKeys) {
        this.genuine = genuine;
        var parts = genuine.split("\\.");
        this.header = (ObjectNode) Json.read(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        this.claims = (ObjectNode) Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        this.realmKey = signingKey(realmKeys, header.path("kid").asText());
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.ownKey = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        return claims.path("sub").asText();
    }

    public String ownKeySameKid() {
        return rs256(header.deepCopy(), claims, ownKey.getPrivate());
    }

    public String ownKeyUnknownKid() {
        var forged = header.deepCopy().put("kid", "hostile-key-1");
        return rs256(forged, claims, ownKey.getPrivate());
    }

    public String ownKeyWithJku() {
        var forged = header.deepCopy().put("jku", "http://127.0.0.1:9/attacker-keys.json").put("kid", "attacker");
        return rs256(forged, claims, ownKey.getPrivate());
    }

    public String algNone() {
        var forged = header.deepCopy().put("alg", "none");
        forged.remove("kid");
        return encode(forged) + "." + encode(claims) + ".";
    }

    /** HS256 keyed with the realm's public key as PEM text, the form a confused verifier would use. */
    public String hs256WithThePublicKeyPem() {
        return hs256(pem(realmKey).getBytes(StandardCharsets.US_ASCII));
    }

    public String hs256WithThePublicKeyBytes() {
        return hs256(realmKey.getEncoded());
    }

    public String signatureStripped() {
        var parts = genuine.split("\\.");
        return parts[0] + "." + parts[1] + ".";
    }

    /** The genuine header and signature around a payload changed by {@code change}. */
    public String tampered(Consumer<ObjectNode> change) {
        var changed = claims.deepCopy();
        change.accept(changed);
        return genuine.split("\\.")[0] + "." + encode(changed) + "." + genuine.split("\\.")[2];
    }

    private String hs256(byte[] key) {
        var forged = header.deepCopy().put("alg", "HS256");
        var signingInput = encode(forged) + "." + encode(claims);
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(ObjectNode header, ObjectNode claims, PrivateKey key) {
        var signingInput = encode(header.put("alg", "RS256")) + "." + encode(claims);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode json) {
        return B64.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static PublicKey signingKey(JsonNode keys, String kid) {
        for (var key : keys.path("keys")) {
            if (key.path("kid").asText().equals(kid)) {
                try {
                    var certificate = Base64.getDecoder().decode(key.path("x5c").get(0).asText());
                    return CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(certificate)).getPublicKey();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("the realm publishes no key " + kid);
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
