package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The local SMTP sink: what reached one mailbox (GreenMail's REST API), and a message sent to one over SMTP. */
final class MailSink {

    private static final String API = Suite.env("MAIL_API_URL", "http://127.0.0.1:8025");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int SMTP_PORT = Integer.parseInt(Suite.env("SMTP_PORT", "3025"));

    private MailSink() {
    }

    /** The subjects of the messages in {@code address}'s inbox, oldest first. */
    static List<String> subjects(String address) {
        var subjects = new ArrayList<String>();
        messages(address).forEach(message -> subjects.add(message.path("subject").asText()));
        return subjects;
    }

    static JsonNode messages(String address) {
        var uri = URI.create(API + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
        try {
            var response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // the sink knows a mailbox only once something reached it
            return response.statusCode() == 200 ? Gateway.JSON.readTree(response.body()) : Gateway.JSON.createArrayNode();
        } catch (IOException e) {
            throw new IllegalStateException("the mail sink at " + API + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The token of the survey link in the invitation that reached {@code address}, or null while none did. The
     * message is quoted-printable: soft line breaks are joined and {@code =3D} read as {@code =} first.
     */
    static String surveyToken(String address) {
        for (var message : messages(address)) {
            if (!message.path("subject").asText().startsWith("A quick question")) {
                continue;
            }
            var text = message.path("mimeMessage").asText().replaceAll("=\\r?\\n", "").replace("=3D", "=");
            var link = java.util.regex.Pattern.compile("/survey\\?token=([A-Za-z0-9%._-]+)").matcher(text);
            if (link.find()) {
                return java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Delivers a plain-text message to {@code to} over SMTP, as any mail server would. */
    static void send(String from, String to, String messageId, String subject, String body) {
        try (var socket = new Socket("127.0.0.1", SMTP_PORT)) {
            socket.setSoTimeout(10_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            var out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            reply(in, "220");
            command(out, in, "HELO e2e.example.com", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n.", "250");
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new IllegalStateException("the mail sink's SMTP port " + SMTP_PORT + " did not take the message", e);
        }
    }

    private static void command(Writer out, BufferedReader in, String line, String expected) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        reply(in, expected);
    }

    /** Reads a reply (its last line has a space after the code) and checks its code. */
    private static void reply(BufferedReader in, String expected) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the SMTP server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(expected)) {
            throw new IOException("SMTP answered " + line + ", expected " + expected);
        }
    }
}
