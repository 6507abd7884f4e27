package org.feedbackloop.gateway.web.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("a key only this test knows");

    @Test
    void theTokenOfASessionMatchesOnlyThatSession() {
        var alice = viewer("alice-id", "session-1");
        var token = tokens.tokenFor(alice);

        assertThat(tokens.matches(alice, token)).isTrue();
        assertThat(tokens.matches(viewer("alice-id", "session-2"), token)).as("a new login").isFalse();
        assertThat(tokens.matches(viewer("bob-id", "session-1"), token)).as("another person").isFalse();
        assertThat(tokens.matches(alice, token + "x")).isFalse();
        assertThat(tokens.matches(alice, "")).isFalse();
        assertThat(tokens.matches(alice, null)).isFalse();
    }

    @Test
    void anotherKeyMakesOtherTokens() {
        var other = new CsrfTokens("another key");
        var alice = viewer("alice-id", "session-1");

        assertThat(other.matches(alice, tokens.tokenFor(alice))).isFalse();
    }

    @Test
    void nobodySignedInHasNoToken() {
        assertThat(tokens.tokenFor(Viewer.ANONYMOUS)).isEmpty();
        assertThat(tokens.matches(Viewer.ANONYMOUS, "")).isFalse();
    }

    private static Viewer viewer(String subject, String session) {
        return new Viewer(subject, subject, subject, Set.of("customer"), List.of(), "token", session);
    }
}
