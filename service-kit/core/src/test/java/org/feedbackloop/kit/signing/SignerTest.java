package org.feedbackloop.kit.signing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignerTest {

    private final Signer signer = Signer.hmacSha256("a secret", 20);

    @Test
    void verifiesWhatItSignedAndNothingElse() {
        var token = signer.sign("unsubscribe\nada@example.com");
        assertThat(signer.verify(token, 2000)).contains("unsubscribe\nada@example.com");

        var payload = token.substring(0, token.indexOf('.'));
        var signature = token.substring(token.indexOf('.') + 1);
        var otherSignature = signer.sign("unsubscribe\nbob@example.com").substring(token.indexOf('.') + 1);
        assertThat(signer.verify(payload + "." + otherSignature, 2000)).isEmpty();
        assertThat(signer.verify(payload.substring(1) + "." + signature, 2000)).isEmpty();
        assertThat(Signer.hmacSha256("another secret", 20).verify(token, 2000)).isEmpty();
        assertThat(Signer.hmacSha256("a secret", 16).verify(token, 2000)).isEmpty();
    }

    @Test
    void refusesMalformedAndOverlongTokens() {
        for (var token : new String[]{"", ".", "a.b.c", "%%%.%%%", "abc"}) {
            assertThat(signer.verify(token, 2000)).as(token).isEmpty();
        }
        assertThat(signer.verify(null, 2000)).isEmpty();
        assertThat(signer.verify(signer.sign("x".repeat(100)), 50)).isEmpty();
    }

    @Test
    void aDetachedSignatureMatchesOnlyItsMessageAndKey() {
        var signature = signer.signature("csrf|alice|session-1");

        assertThat(signer.isSignature("csrf|alice|session-1", signature)).isTrue();
        assertThat(signer.isSignature("csrf|alice|session-2", signature)).isFalse();
        assertThat(Signer.hmacSha256("another secret", 20).isSignature("csrf|alice|session-1", signature)).isFalse();
        assertThat(signer.isSignature("csrf|alice|session-1", signature + "x")).isFalse();
        assertThat(signer.isSignature("csrf|alice|session-1", null)).isFalse();
    }

    @Test
    void signaturesAreAtLeastSixteenBytes() {
        assertThatThrownBy(() -> Signer.hmacSha256("a secret", 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
