package org.feedbackloop.testkit;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads a service's own tables directly, to check what a request did or did not store. */
public class Rows {

    private final DataSource database;

    public Rows(DataSource database) {
        this.database = database;
    }

    /** The first column of the first row of a query that counts: {@code select count(*) from … where x = ?}. */
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

    /** Changes rows as a test's setting needs them (a state a crash would leave); returns how many changed. */
    public int execute(String sql, Object... parameters) {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
