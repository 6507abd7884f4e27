package org.feedbackloop.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** The first column of every row, as text, in the query's order. */
    public List<String> strings(String sql, Object... parameters) {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var values = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
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

    /**
     * Where {@code needle} is held, whatever the case: each column of text, JSON or arrays of every table of the
     * service's schema, read as text; "table.column" of each that holds it. What an erasure promises is that this
     * is empty for the person's words, addresses and id.
     */
    public List<String> mentions(String needle) {
        try (var connection = database.getConnection()) {
            return mentions(connection, needle);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> mentions(Connection connection, String needle) throws SQLException {
        var columns = new ArrayList<String[]>();
        try (var statement = connection.prepareStatement("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
                order by table_name, column_name""");
             var found = statement.executeQuery()) {
            while (found.next()) {
                columns.add(new String[] {found.getString(1), found.getString(2)});
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no column to search: not the service's database?");
        }
        var holding = new ArrayList<String>();
        for (var column : columns) {
            var sql = "select count(*) from public.\"%s\" where strpos(lower(cast(\"%s\" as text)), lower(?)) > 0"
                    .formatted(column[0], column[1]);
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, needle);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        holding.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return holding;
    }
}
