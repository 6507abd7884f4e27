package org.feedbackloop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/** What one instance of a service counts of itself, read from its {@code /q/metrics}. */
final class InstanceMetrics {

    private static final Pattern CONSUMED = Pattern.compile("^events_consumed_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InstanceMetrics() {
    }

    /** Events the instance has handled since it started, of every type. */
    static long eventsConsumed(String instance) {
        var matcher = CONSUMED.matcher(metrics(instance));
        long total = 0;
        while (matcher.find()) {
            total += (long) Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private static String metrics(String instance) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Suite.url(instance) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
