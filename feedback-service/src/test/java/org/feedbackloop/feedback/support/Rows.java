package org.feedbackloop.feedback.support;

import io.agroal.api.AgroalDataSource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Reads the service's own tables directly, to check what a request did or did not store. */
public final class Rows extends org.feedbackloop.testkit.Rows {

    public Rows(AgroalDataSource database) {
        super(database);
    }

    /**
     * Rows in feedback and in the outbox together: any stored item or event changes it. Counted once the analysis
     * has read every stored item, so that an earlier item's announcement does not count as this request's doing.
     */
    public long stored() {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from feedback where analysed_at is null") == 0);
        return count("select (select count(*) from feedback) + (select count(*) from outbox_event)");
    }
}
