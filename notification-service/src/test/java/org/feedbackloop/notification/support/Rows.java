package org.feedbackloop.notification.support;

import io.agroal.api.AgroalDataSource;

import java.sql.SQLException;

/** Reads the service's own tables directly, to check what a request did or did not store. */
public final class Rows {

    private final AgroalDataSource database;

    public Rows(AgroalDataSource database) {
        this.database = database;
    }

    /** Rows in feedback and in the outbox together: any stored item or event changes it. */
    public long stored() {
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
