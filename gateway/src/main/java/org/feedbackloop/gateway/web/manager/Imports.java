package org.feedbackloop.gateway.web.manager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bulk imports as feedback-service reports them: progress, and the rows it refused. */
@ApplicationScoped
public class Imports {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Job(UUID id, String status, String format, @com.fasterxml.jackson.annotation.JsonProperty("notify") boolean notifyContributors, int totalRows, int rowsDone, int accepted,
                      int duplicates, int rejected, String failure, Instant createdAt, Instant finishedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public String kind() {
            return "NDJSON".equals(format) ? "JSON Lines" : format;
        }

        public String rows() {
            return totalRows == 1 ? "1 row" : totalRows + " rows";
        }

        public int percent() {
            return totalRows <= 0 ? 100 : Math.min(100, rowsDone * 100 / totalRows);
        }

        public String state() {
            return switch (status) {
                case "RUNNING" -> "Running";
                case "INTERRUPTED" -> "Interrupted: post the same file again to go on";
                case "DONE" -> "Done";
                case "FAILED" -> "Failed: " + failure;
                default -> status;
            };
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(int line, String outcome, UUID feedbackId, String externalRef, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RowsPage(List<Row> items, Integer nextAfter) {
    }

    /** The newest imports; {@code active} while one runs. */
    public record Jobs(List<Job> items, ProblemMessage problem) {

        public boolean active() {
            return items.stream().anyMatch(Job::running);
        }
    }

    /** One import with its refused and duplicate rows (the first page of each). */
    public record Detail(Job job, List<Row> rejected, boolean moreRejected, List<Row> duplicates,
                         boolean moreDuplicates, ProblemMessage problem) {

        static Detail missing() {
            return new Detail(null, List.of(), false, List.of(), false, ProblemMessage.of(404, null));
        }
    }

    private static final TypeReference<List<Job>> JOBS = new TypeReference<>() {
    };
    private static final int ROWS_SHOWN = 50;

    private final ServiceClient services;

    Imports(ServiceClient services) {
        this.services = services;
    }

    public Uni<Jobs> newest(String token) {
        return services.get(Service.FEEDBACK, "/api/feedback/imports?limit=20", token).map(response -> response.ok()
                ? new Jobs(services.read(response, JOBS), null) : new Jobs(List.of(), ProblemMessage.of(response)));
    }

    public Uni<Detail> detail(String token, UUID id) {
        var base = "/api/feedback/imports/" + id;
        return Uni.combine().all().unis(
                        services.get(Service.FEEDBACK, base, token),
                        services.get(Service.FEEDBACK, base + "/rows?outcome=REJECTED&limit=" + ROWS_SHOWN, token),
                        services.get(Service.FEEDBACK, base + "/rows?outcome=DUPLICATE&limit=" + ROWS_SHOWN, token))
                .asTuple().map(all -> {
                    if (!all.getItem1().ok()) {
                        return new Detail(null, List.of(), false, List.of(), false, ProblemMessage.of(all.getItem1()));
                    }
                    var job = services.read(all.getItem1(), Job.class);
                    var rejected = all.getItem2().ok() ? services.read(all.getItem2(), RowsPage.class) : new RowsPage(List.of(), null);
                    var duplicates = all.getItem3().ok() ? services.read(all.getItem3(), RowsPage.class) : new RowsPage(List.of(), null);
                    return new Detail(job, rejected.items(), rejected.nextAfter() != null, duplicates.items(),
                            duplicates.nextAfter() != null, null);
                });
    }
}
