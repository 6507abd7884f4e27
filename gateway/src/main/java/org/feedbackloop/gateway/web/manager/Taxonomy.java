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

/** feedback-service's managed taxonomy ({@code /api/feedback/topics}) and its re-readings of stored feedback. */
@ApplicationScoped
public class Taxonomy {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Topic(String name, String description, List<String> examples, List<String> keywords, int position) {

        public String examplesText() {
            return examples == null ? "" : String.join("\n", examples);
        }

        public String keywordsText() {
            return keywords == null ? "" : String.join(", ", keywords);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Job(UUID id, String reason, String requestedBy, Instant requestedAt, String state, long total, long done,
                      long changed, Instant startedAt, Instant finishedAt) {

        public boolean finished() {
            return "FINISHED".equals(state);
        }

        public long percent() {
            return total <= 0 ? 100 : Math.min(100, done * 100 / total);
        }
    }

    /** The topics, or why they could not be read. */
    public record Topics(List<Topic> items, ProblemMessage problem) {
    }

    /** The latest re-readings; {@code active} while one is queued or running. */
    public record Jobs(List<Job> items, ProblemMessage problem) {

        public boolean active() {
            return items.stream().anyMatch(job -> !job.finished());
        }
    }

    private static final TypeReference<List<Topic>> TOPICS = new TypeReference<>() {
    };
    private static final TypeReference<List<Job>> JOBS = new TypeReference<>() {
    };

    private final ServiceClient services;

    Taxonomy(ServiceClient services) {
        this.services = services;
    }

    public Uni<Topics> topics(String token) {
        return services.get(Service.FEEDBACK, "/api/feedback/topics", token).map(response -> response.ok()
                ? new Topics(services.read(response, TOPICS), null)
                : new Topics(List.of(), ProblemMessage.of(response)));
    }

    public Uni<Jobs> jobs(String token) {
        return services.get(Service.FEEDBACK, "/api/feedback/topics/reanalysis", token).map(response -> response.ok()
                ? new Jobs(services.read(response, JOBS), null) : new Jobs(List.of(), ProblemMessage.of(response)));
    }

    /** Saves a topic as the form gave it: examples one per line, keywords separated by commas or lines. */
    public Uni<UpstreamReply> save(String token, String name, String description, String examples, String keywords,
                                      int position) {
        var body = new LinkedHashMap<String, Object>();
        body.put("description", description == null ? "" : description.strip());
        body.put("examples", split(examples, "\\R"));
        body.put("keywords", split(keywords, "[,\\R]"));
        body.put("position", position);
        return services.send(Service.FEEDBACK, HttpMethod.PUT, "/api/feedback/topics/" + name, token, Map.of(), body);
    }

    public Uni<UpstreamReply> remove(String token, String name) {
        return services.send(Service.FEEDBACK, HttpMethod.DELETE, "/api/feedback/topics/" + name, token, Map.of(), null);
    }

    private static List<String> split(String text, String separator) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
