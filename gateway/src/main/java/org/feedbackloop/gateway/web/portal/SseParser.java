package org.feedbackloop.gateway.web.portal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server-sent event stream chunk by chunk (chunks may split lines, events and UTF-8 characters) and gives
 * back complete events: their name ({@code message} by default) and data lines joined with a newline.
 */
final class SseParser {

    record Event(String name, String data) {
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    List<Event> feed(byte[] chunk) {
        for (byte b : chunk) {
            if (b != '\r') {
                pending.write(b);
            }
        }
        var events = new ArrayList<Event>();
        var bytes = pending.toByteArray();
        int start = 0;
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
                var block = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                var event = parse(block);
                if (event != null) {
                    events.add(event);
                }
                start = i + 1;
            }
        }
        pending.reset();
        pending.write(bytes, start, bytes.length - start);
        return events;
    }

    private static Event parse(String block) {
        String name = "message";
        StringBuilder data = null;
        for (var line : block.split("\n")) {
            if (line.isEmpty() || line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            var field = colon < 0 ? line : line.substring(0, colon);
            var value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { } // id, retry: nothing to relay
            }
        }
        return data == null ? null : new Event(name, data.toString());
    }
}
