package org.feedbackloop.gateway.web.portal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    @Test
    void eventsSplitAcrossChunksComeOutWhole() {
        var parser = new SseParser();
        var stream = "event: message\ndata: {\"title\":\"Größe ✓\"}\n\n:keep-alive\n\ndata: a\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        // byte 27 falls inside "ö", byte 45 between the two newlines that end the first event
        var first = parser.feed(Arrays.copyOfRange(stream, 0, 27));
        var second = parser.feed(Arrays.copyOfRange(stream, 27, 45));
        var rest = parser.feed(Arrays.copyOfRange(stream, 45, stream.length));

        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        assertThat(rest).extracting(SseParser.Event::name).containsExactly("message", "message");
        assertThat(rest).extracting(SseParser.Event::data).containsExactly("{\"title\":\"Größe ✓\"}", "a\nb");
    }
}
