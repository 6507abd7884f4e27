package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The local SMTP sink (GreenMail's REST API): what reached one mailbox. */
final class MailSink {

    private static final String API = Suite.env("MAIL_API_URL", "http://127.0.0.1:8025");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
}
