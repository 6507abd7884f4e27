package org.feedbackloop.gateway.web.manager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The surveys as notification-service keeps them: defined, asked, answered. */
@ApplicationScoped
public class SurveyList {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Survey(UUID id, String name, String scale, String question, String topic, int validForDays,
                         Instant createdAt, long invited, long answered, double responseRate) {

        public long percent() {
            return Math.round(responseRate * 100);
        }
    }

    public record Surveys(List<Survey> items, ProblemMessage problem) {
    }

    private static final TypeReference<List<Survey>> SURVEYS = new TypeReference<>() {
    };

    private final ServiceClient services;

    SurveyList(ServiceClient services) {
        this.services = services;
    }

    public Uni<Surveys> newest(String token) {
        return services.get(Service.NOTIFICATIONS, "/api/surveys?limit=50", token).map(response -> response.ok()
                ? new Surveys(services.read(response, SURVEYS), null) : new Surveys(List.of(), ProblemMessage.of(response)));
    }

    public Uni<UpstreamReply> create(String token, String name, String scale, String question, String topic, Integer days) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("scale", scale);
        body.put("question", question == null || question.isBlank() ? null : question.strip());
        body.put("topic", topic == null || topic.isBlank() ? null : topic.strip());
        body.put("validForDays", days);
        return services.send(Service.NOTIFICATIONS, HttpMethod.POST, "/api/surveys", token, Map.of(), body);
    }

    /** Asks the addresses given one per line (or separated by commas or spaces). */
    public Uni<UpstreamReply> invite(String token, UUID surveyId, String addresses) {
        var recipients = Arrays.stream((addresses == null ? "" : addresses).split("[\\s,;]+"))
                .filter(address -> !address.isBlank()).distinct().map(address -> Map.of("email", address)).toList();
        return services.send(Service.NOTIFICATIONS, HttpMethod.POST, "/api/surveys/" + surveyId + "/invitations", token,
                Map.of(), Map.of("recipients", recipients));
    }
}
