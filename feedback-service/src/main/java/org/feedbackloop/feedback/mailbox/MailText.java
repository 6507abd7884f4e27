package org.feedbackloop.feedback.mailbox;

import org.feedbackloop.feedback.domain.NewFeedback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.regex.Pattern;

/**
 * What a person wrote in an e-mail, as plain text: quoted replies and the signature left out, HTML read as text
 * (nothing of it is kept as markup), control characters and unpaired surrogates removed, blank lines collapsed.
 */
final class MailText {

    /** The feedback's own limit (the API refuses more). */
    static final int MAX = NewFeedback.MAX_TEXT;

    /** "On Mon, 1 Dec 2026 at 10:00, Alice &lt;alice@example.com&gt; wrote:", also over two lines (it has a date). */
    private static final Pattern QUOTE_HEADER = Pattern.compile("(?is)^on\\b(?=.*\\d).{0,300}\\bwrote:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?i)^-{2,}\\s*(original message|forwarded message)\\s*-{2,}$");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private MailText() {
    }

    static String fromPlain(String text) {
        var lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        var kept = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            var stripped = line.strip();
            if (line.equals("-- ") || line.equals("--") || ORIGINAL_MESSAGE.matcher(stripped).matches()) {
                break; // the signature (RFC 3676) or a quoted message follows
            }
            if (QUOTE_HEADER.matcher(stripped).matches()
                    || i + 1 < lines.length && QUOTE_HEADER.matcher(stripped + " " + lines[i + 1].strip()).matches()) {
                break; // what follows is the message replied to
            }
            if (stripped.startsWith(">")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return clean(kept.toString());
    }

    static String fromHtml(String html) {
        var document = Jsoup.parse(html);
        document.select("head, script, style, template, blockquote, .gmail_quote, #divRplyFwdMsg").remove();
        var text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && (element.normalName().equals("br") || element.isBlock())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        }, document.body());
        return fromPlain(text.toString());
    }

    /** At most {@code max} characters, never half a surrogate pair; an ellipsis says that the rest was cut. */
    static String limit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        var end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String clean(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t' || c == '\u00a0') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                    && c != '\ufeff') {
                out.appendCodePoint(c);
            }
        });
        var lines = out.toString().split("\n", -1);
        var joined = new StringBuilder();
        for (var line : lines) {
            joined.append(line.strip()).append('\n');
        }
        return BLANK_LINES.matcher(joined.toString()).replaceAll("\n\n").strip();
    }
}
