package org.feedbackloop.feedback.imports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.feedback.domain.CustomerAddresses;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.FeedbackService;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The imports' records: a job per file, and each batch of rows stored in one transaction with its results and the
 * job's progress. The job's {@code lines_done} is also its lease: a batch commits only if the job is where its
 * worker left it, so two workers never both store a stretch of the file.
 */
@ApplicationScoped
class ImportStore {

    /** What posting a file found: a new import, an earlier one of the same file, or a stopped one taken over. */
    enum Start { NEW, EARLIER, TAKEN_OVER }

    record Started(FeedbackImport job, Start start) {
    }

    /** One row's result. */
    @Schema(name = "FeedbackImportOutcome")
    enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    /**
     * The longest reason a row or a failed import keeps. A longer one (an unknown field's name as long as a line, the
     * names of a large taxonomy) is cut to it: the start says what is wrong.
     */
    static final int MAX_REASON = 1000;

    /** Another worker moved the import on: this one stops. */
    static final class LostTheImport extends RuntimeException {
        LostTheImport() {
            super("another worker is taking this import", null, false, false);
        }
    }

    private final FeedbackService feedback;
    private final TopicCatalog topics;
    private final CustomerAddresses addresses;

    ImportStore(FeedbackService feedback, TopicCatalog topics, CustomerAddresses addresses) {
        this.feedback = feedback;
        this.topics = topics;
        this.addresses = addresses;
    }

    /** The import of this file by this caller: a new one, or the earlier one (taken over when it had stopped). */
    Uni<Started> start(Caller caller, ImportFile file, boolean notify, Duration staleAfter) {
        var now = now();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into feedback_import (id, submitted_by, file_sha256, format, notify, total_rows, status,
                            heartbeat_at, created_at)
                        values (:id, :by, :sha, :format, :notify, :rows, 'RUNNING', :now, :now)
                        on conflict (submitted_by, file_sha256) do nothing""")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("by", caller.subject())
                        .setParameter("sha", file.sha256())
                        .setParameter("format", file.format().name())
                        .setParameter("notify", notify)
                        .setParameter("rows", file.rows())
                        .setParameter("now", now)
                        .executeUpdate())
                .flatMap(inserted -> bySubmitterAndFile(caller.subject(), file.sha256()).flatMap(job -> {
                    if (inserted == 1) {
                        return Uni.createFrom().item(new Started(job, Start.NEW));
                    }
                    if (!job.interrupted(staleAfter, now)) {
                        return Uni.createFrom().item(new Started(job, Start.EARLIER));
                    }
                    return takeOver(job.id, staleAfter).map(taken -> taken
                            ? new Started(job, Start.TAKEN_OVER) : new Started(job, Start.EARLIER));
                })));
    }

    private Uni<FeedbackImport> bySubmitterAndFile(String submittedBy, String sha256) {
        return Panache.getSession().flatMap(session -> session.createQuery(
                        "from FeedbackImport where submittedBy = ?1 and fileSha256 = ?2", FeedbackImport.class)
                .setParameter(1, submittedBy).setParameter(2, sha256).getSingleResult());
    }

    /** Claims a stopped import for this worker; false when another took it first or it is moving again. */
    Uni<Boolean> takeOver(UUID id, Duration staleAfter) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update feedback_import set heartbeat_at = now()
                        where id = :id and status = 'RUNNING' and heartbeat_at < :cutoff""")
                .setParameter("id", id)
                .setParameter("cutoff", now().minus(staleAfter))
                .executeUpdate())).map(updated -> updated == 1);
    }

    /** The newest imports, everybody's or one submitter's. */
    Uni<List<FeedbackImport>> newest(String submittedBy, int limit) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> (submittedBy == null
                ? session.createQuery("from FeedbackImport order by createdAt desc, id desc", FeedbackImport.class)
                : session.createQuery("from FeedbackImport where submittedBy = ?1 order by createdAt desc, id desc",
                        FeedbackImport.class).setParameter(1, submittedBy))
                .setMaxResults(limit).getResultList()));
    }

    /** Results in file order after {@code afterLine}, of one outcome or all; up to {@code limit + 1}. */
    Uni<List<ImportRowView>> rows(UUID importId, Outcome outcome, int afterLine, int limit) {
        var sql = "select line, outcome, feedback_id, external_ref, reason from feedback_import_row"
                + " where import_id = :id and line > :after" + (outcome == null ? "" : " and outcome = :outcome")
                + " order by line limit " + (limit + 1);
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> {
                    var query = session.createNativeQuery(sql, Object[].class)
                            .setParameter("id", importId)
                            .setParameter("after", afterLine);
                    if (outcome != null) {
                        query.setParameter("outcome", outcome.name());
                    }
                    return query.getResultList();
                }))
                .map(found -> found.stream().map(row -> new ImportRowView(((Number) row[0]).intValue(), (String) row[1],
                        (UUID) row[2], (String) row[3], (String) row[4])).toList());
    }

    Uni<FeedbackImport> find(UUID id) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.find(FeedbackImport.class, id)));
    }

    /** Stored imports still running whose worker stopped: a replica holding the file takes them over at start. */
    Uni<List<FeedbackImport>> stopped(Duration staleAfter) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createQuery(
                        "from FeedbackImport where status = ?1 and heartbeatAt < ?2", FeedbackImport.class)
                .setParameter(1, FeedbackImport.Status.RUNNING)
                .setParameter(2, now().minus(staleAfter))
                .getResultList()));
    }

    Uni<Void> finish(UUID id, FeedbackImport.Status status, String failure) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update feedback_import set status = :status, failure = :failure, finished_at = now(),
                            heartbeat_at = now()
                        where id = :id and status = 'RUNNING'""")
                .setParameter("status", status.name())
                .setParameter("failure", cut(failure))
                .setParameter("id", id)
                .executeUpdate())).replaceWithVoid();
    }

    /**
     * Stores one batch in one transaction: the new items, a result for every row, and the import's progress to
     * {@code lastLine}. Fails with {@link LostTheImport} when the import is no longer at {@code linesDone}.
     */
    Uni<BatchResult> store(FeedbackImport job, List<RowReader.Read> rows, int linesDone, int lastLine) {
        var caller = new Caller(job.submittedBy, null, false, Caller.Role.INTEGRATOR);
        var refs = rows.stream().filter(row -> row.feedback() != null).map(row -> row.feedback().externalRef())
                .filter(Objects::nonNull).distinct().toList();
        var emails = rows.stream().filter(row -> row.feedback() != null).map(row -> row.feedback().contactEmail())
                .filter(Objects::nonNull).toList();
        return Panache.withTransaction(() -> topics.snapshot()
                .flatMap(taxonomy -> importedRefs(refs)
                        .flatMap(known -> addresses.customersOf(emails).flatMap(customers -> {
                            var results = new ArrayList<RowResult>(rows.size());
                            var items = new ArrayList<Feedback>();
                            var seen = new HashSet<>(known);
                            for (var row : rows) {
                                results.add(result(caller, job, row, taxonomy, seen, customers, items));
                            }
                            return Panache.getSession()
                                    .call(session -> {
                                        session.setBatchSize(Math.max(1, items.size()));
                                        return session.persistAll(items.toArray());
                                    })
                                    .call(session -> session.flush())
                                    .call(session -> insertResults(job.id, results))
                                    .call(session -> advance(job.id, linesDone, lastLine, results))
                                    .map(session -> BatchResult.of(results));
                        }))));
    }

    private RowResult result(Caller caller, FeedbackImport job, RowReader.Read row, TopicCatalog.Snapshot taxonomy,
                             HashSet<String> seenRefs, Map<String, String> customers, List<Feedback> items) {
        if (row.feedback() == null) {
            return new RowResult(row.line(), Outcome.REJECTED, null, row.externalRef(), row.refused());
        }
        var input = row.feedback();
        if (input.externalRef() != null && !seenRefs.add(input.externalRef())) {
            return new RowResult(row.line(), Outcome.DUPLICATE, null, input.externalRef(),
                    "externalRef " + input.externalRef() + " was imported before");
        }
        if (input.topic() != null && !taxonomy.knows(input.topic())) {
            return new RowResult(row.line(), Outcome.REJECTED, null, input.externalRef(),
                    "topic: must be one of " + taxonomy.names().stream().sorted().toList());
        }
        var item = feedback.draft(caller, input, taxonomy);
        if (input.contactEmail() != null) {
            item.contributorId = customers.get(input.contactEmail().strip().toLowerCase(Locale.ROOT));
        }
        if (row.createdAt() != null) {
            item.createdAt = row.createdAt();
        }
        item.importId = job.id;
        item.silent = !job.notify;
        items.add(item);
        return new RowResult(row.line(), Outcome.ACCEPTED, item.id, input.externalRef(), null);
    }

    private Uni<List<String>> importedRefs(List<String> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select external_ref from feedback where import_id is not null and external_ref in (:refs)", String.class)
                .setParameter("refs", refs)
                .getResultList());
    }

    private Uni<Integer> insertResults(UUID importId, List<RowResult> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var sql = new StringBuilder("insert into feedback_import_row (import_id, line, outcome, feedback_id, external_ref, reason) values ");
        for (int i = 0; i < results.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:import, :line%1$d, :outcome%1$d, :feedback%1$d, :ref%1$d, :reason%1$d)".formatted(i));
        }
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString()).setParameter("import", importId);
            for (int i = 0; i < results.size(); i++) {
                var result = results.get(i);
                query.setParameter("line" + i, result.line())
                        .setParameter("outcome" + i, result.outcome().name())
                        .setParameter("feedback" + i, result.feedbackId())
                        .setParameter("ref" + i, result.externalRef())
                        .setParameter("reason" + i, result.reason());
            }
            return query.executeUpdate();
        });
    }

    private Uni<Void> advance(UUID importId, int linesDone, int lastLine, List<RowResult> results) {
        var counts = BatchResult.of(results);
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update feedback_import set lines_done = :last, accepted = accepted + :accepted,
                            duplicates = duplicates + :duplicates, rejected = rejected + :rejected, heartbeat_at = now()
                        where id = :id and lines_done = :done and status = 'RUNNING'""")
                .setParameter("last", lastLine)
                .setParameter("accepted", counts.accepted())
                .setParameter("duplicates", counts.duplicates())
                .setParameter("rejected", counts.rejected())
                .setParameter("id", importId)
                .setParameter("done", linesDone)
                .executeUpdate())
                .flatMap(updated -> updated == 1 ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new LostTheImport()));
    }

    record RowResult(int line, Outcome outcome, UUID feedbackId, String externalRef, String reason) {
        RowResult {
            reason = cut(reason);
        }
    }

    /** {@code reason}, or its first {@value #MAX_REASON} characters, an ellipsis the last (a surrogate pair kept whole). */
    static String cut(String reason) {
        if (reason == null || reason.length() <= MAX_REASON) {
            return reason;
        }
        int end = MAX_REASON - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "…";
    }

    record BatchResult(int accepted, int duplicates, int rejected) {
        static BatchResult of(List<RowResult> results) {
            int accepted = 0;
            int duplicates = 0;
            int rejected = 0;
            for (var result : results) {
                switch (result.outcome()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> rejected++;
                }
            }
            return new BatchResult(accepted, duplicates, rejected);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
