package org.feedbackloop.gateway.web.shared;

import io.quarkus.qute.TemplateExtension;

/** Small text helpers for templates: {@code {topic.capitalized}}. Output is still escaped by Qute. */
@TemplateExtension
public final class TextFormats {

    private TextFormats() {
    }

    public static String capitalized(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1).replace('-', ' ');
    }

    /** An API code as words: {@code IN_PROGRESS} → "In progress". */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        var lower = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** For a value placed in a URL's query string (Qute escapes HTML, not URLs). */
    public static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
