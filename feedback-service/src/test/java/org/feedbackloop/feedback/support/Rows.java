package org.feedbackloop.feedback.support;

import io.agroal.api.AgroalDataSource;

import java.sql.SQLException;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Reads the service's own tables directly, to check what a request did or did not store. */
public final class Rows {

    private final AgroalDataSource database;

    public Rows(AgroalDataSource database) {
        this.database = database;
    }

    /**
     * Rows in feedback and in the outbox together: any stored item or event changes it. Counted once the analysis
     * has read every stored item, so that an earlier item's announcement does not count as this request's doing.
     */
    public long stored() {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from feedback where analysed_at is null") == 0);
        return count("select (select count(*) from feedback) + (select count(*) from outbox_event)");
    }

    public long count(String sql, Object... parameters) {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
