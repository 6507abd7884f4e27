package org.feedbackloop.feedback.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One file's import: its progress, counted a batch at a time, and where it goes on from. */
@Entity
@Table(name = "feedback_import")
public class FeedbackImport {

    /** As stored; a RUNNING import whose worker stopped reporting shows as INTERRUPTED. */
    public enum Status { RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Enumerated(EnumType.STRING)
    public ImportFormat format;

    public boolean notify;

    @Column(name = "total_rows")
    public int totalRows;

    @Column(name = "lines_done")
    public int linesDone;

    public int accepted;

    public int duplicates;

    public int rejected;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String failure;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public int rowsDone() {
        return accepted + duplicates + rejected;
    }

    /** Running, but nobody has worked on it for a while: the file must be posted again to go on. */
    public boolean interrupted(Duration staleAfter, Instant now) {
        return status == Status.RUNNING && heartbeatAt.plus(staleAfter).isBefore(now);
    }
}
