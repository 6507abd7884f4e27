package org.feedbackloop.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The local SMTP sink (GreenMail), read through its REST API: what the service really sent. */
public final class Mailbox {

    public static final String API = System.getProperty("mail.api", "http://127.0.0.1:8025");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mailbox() {
    }

    /** The messages in an address's inbox: subject, and the raw MIME content (headers and bodies). */
    public record Mail(String subject, String content) {

        /** The content with quoted-printable and base64 bodies decoded, for reading what the person reads. */
        public String readable() {
            var decoded = new StringBuilder();
            for (var part : content.split("\r?\n\r?\n")) {
                decoded.append(decodeQuotedPrintable(part)).append("\n");
                var compact = part.replaceAll("\\s", "");
                if (compact.matches("[A-Za-z0-9+/=]{40,}")) {
                    try {
                        decoded.append(new String(java.util.Base64.getDecoder().decode(compact), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException notBase64) {
                        // a plain part that merely looks like base64
                    }
                }
            }
            return decoded.toString();
        }

        private static String decodeQuotedPrintable(String text) {
            var joined = text.replaceAll("=\\r?\\n", "");
            var bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length() && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    public static List<Mail> of(String address) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of(); // GreenMail answers 400 for an address that never received anything
            }
            var mails = new ArrayList<Mail>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(new Mail(message.path("subject").asText(), message.path("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("The mail sink is not answering at " + API
                    + ": run the tests with ./feedbackloop test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
