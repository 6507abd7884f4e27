package org.feedbackloop.kit.signing;

import org.feedbackloop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final CursorCodec codec = CursorCodec.withSecret("test-secret");

    @Test
    void decodesWhatItEncoded() {
        var position = new CursorCodec.Position("PRIORITY", Instant.parse("2026-11-22T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(codec.decode(codec.encode(position))).isEqualTo(position);
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        var foreign = CursorCodec.withSecret("another-secret").encode(CursorCodec.Position.newest(Instant.now(), UUID.randomUUID()));
        assertThatThrownBy(() -> codec.decode(foreign)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem().errors().getFirst().field()).isEqualTo("cursor");
    }

    @Test
    void refusesAnOrderTheReaderDoesNotKnow() {
        var cursor = codec.encode("DEADLINE", Instant.now(), UUID.randomUUID());
        assertThatThrownBy(() -> codec.decode(cursor, position -> Order.valueOf(position.order())))
                .isInstanceOf(ProblemException.class);
        Order order = codec.decode(codec.encode("NEWEST", Instant.now(), UUID.randomUUID()), p -> Order.valueOf(p.order()));
        assertThat(order).isEqualTo(Order.NEWEST);
    }

    @Test
    void refusesGarbage() {
        for (var garbage : new String[]{"", ".", "abc", "a.b.c", "%%%", "MTIz.AAAA", "x".repeat(300)}) {
            assertThatThrownBy(() -> codec.decode(garbage)).as(garbage).isInstanceOf(ProblemException.class);
        }
    }

    private enum Order { NEWEST }
}
