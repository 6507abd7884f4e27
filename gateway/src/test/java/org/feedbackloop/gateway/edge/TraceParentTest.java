package org.feedbackloop.gateway.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    @Test
    void keepsAWellFormedTraceparent() {
        var given = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(TraceParent.fromHeaderOrNew(given))
                .isEqualTo(new TraceParent(given, "4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"})
    void startsANewTraceOtherwise(String given) {
        var trace = TraceParent.fromHeaderOrNew(given);
        assertThat(trace.value()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").startsWith("00-" + trace.traceId());
        assertThat(TraceParent.fromHeaderOrNew(given).traceId()).isNotEqualTo(trace.traceId());
    }
}
