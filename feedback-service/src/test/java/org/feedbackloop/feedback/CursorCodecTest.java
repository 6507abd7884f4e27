package org.feedbackloop.feedback;

import org.feedbackloop.feedback.api.CursorCodec;
import org.feedbackloop.feedback.api.problem.ProblemException;
import org.feedbackloop.feedback.domain.FeedbackPosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final CursorCodec codec = CursorCodec.withSecret("test-secret");

    @Test
    void decodesWhatItEncoded() {
        var position = new FeedbackPosition(Instant.parse("2026-11-22T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(codec.decode(codec.encode(position))).isEqualTo(position);
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        var position = new FeedbackPosition(Instant.now(), UUID.randomUUID());
        var foreign = CursorCodec.withSecret("another-secret").encode(position);
        assertThatThrownBy(() -> codec.decode(foreign)).isInstanceOf(ProblemException.class);
    }

    @Test
    void refusesGarbage() {
        for (var garbage : new String[]{"", ".", "abc", "a.b.c", "%%%", "MTIz.AAAA"}) {
            assertThatThrownBy(() -> codec.decode(garbage)).as(garbage).isInstanceOf(ProblemException.class);
        }
    }
}
