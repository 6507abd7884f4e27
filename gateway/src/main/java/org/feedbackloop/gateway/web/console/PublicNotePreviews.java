package org.feedbackloop.gateway.web.console;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.util.HashMap;
import java.util.Map;

/**
 * Asks notification-service how it will word a "you said, we did" message, so that the console shows owners the
 * very words contributors will read: the wording lives in notification-service alone.
 */
@ApplicationScoped
public class PublicNotePreviews {

    static final String PATH = "/api/notifications/you-said-we-did/preview";

    private final ServiceClient services;

    PublicNotePreviews(ServiceClient services) {
        this.services = services;
    }

    /** {@code contributorWords}: the words of a contributor of the action, to quote as the message would (or null). */
    public Uni<PublicNotePreview> of(String token, String to, String actionTitle, String publicNote, String contributorWords) {
        var status = to == null || to.isBlank() ? "" : to.strip();
        var note = publicNote == null ? "" : publicNote.strip();
        var request = new HashMap<String, Object>();
        request.put("status", status);
        request.put("actionTitle", actionTitle == null ? "" : actionTitle);
        request.put("publicNote", note);
        if (contributorWords != null && !contributorWords.isBlank()) {
            request.put("contributorWords", contributorWords);
        }
        return services.send(Service.NOTIFICATIONS, HttpMethod.POST, PATH, token, Map.of(), request).map(response -> {
            if (!response.ok()) {
                return PublicNotePreview.unavailable(status, contributorWords);
            }
            var worded = services.read(response, Worded.class);
            return PublicNotePreview.of(status, note, worded.title(), worded.body(), worded.quote());
        });
    }

    /** notification-service's answer. */
    record Worded(String title, String body, String quote) {
    }
}
