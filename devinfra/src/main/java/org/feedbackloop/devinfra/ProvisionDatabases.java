package org.feedbackloop.devinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates, where missing, one LOGIN role and one database (owned by that role, UTF8, from template0) per name,
 * and the {@code pg_trgm} extension in each of those databases, so that a machine needs no {@code psql}.
 *
 * <pre>
 * ProvisionDatabases &lt;jdbcUrlOfAnAdminDatabase&gt; &lt;adminUser&gt; &lt;name&gt;[,&lt;name&gt;...]
 * ProvisionDatabases jdbc:postgresql://127.0.0.1:5432/postgres postgres feedback,feedback_test
 * ProvisionDatabases jdbc:postgresql://127.0.0.1:5432/postgres postgres feedback,feedback_test --fresh feedback_test
 * </pre>
 *
 * <p>{@code --fresh} drops the named databases first (closing their connections), so that a test run starts
 * from empty schemas.
 *
 * <p>The admin connects with the password in the environment variable {@code PGPASSWORD}, or with none (local
 * servers with trust authentication). Each role's password is its own name: these are development machines only,
 * never a shared or production server. Idempotent: what exists already is left as it is (an existing role keeps
 * its password; a role that exists without LOGIN is given LOGIN). Exits 0 on success, 1 on failure, 64 on a wrong
 * command line.
 */
public final class ProvisionDatabases {

    static final String USAGE = "ProvisionDatabases <jdbcUrlOfAnAdminDatabase> <adminUser> <name>[,<name>...]"
            + " [--fresh <name>[,<name>...]]";

    /** Names become SQL identifiers and the role's password: plain lower-case identifiers only. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String DUPLICATE_OBJECT = "42710";
    private static final String DUPLICATE_DATABASE = "42P04";

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;

    public ProvisionDatabases(String adminUrl, String adminUser, String adminPassword) {
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static void main(String[] args) {
        Foreground.configureLogging();
        int exitCode;
        try {
            exitCode = run(args);
        } catch (CommandLine.UsageException e) {
            Foreground.fail("ProvisionDatabases", e.getMessage(), USAGE);
            exitCode = Foreground.EXIT_USAGE;
        }
        System.exit(exitCode);
    }

    static int run(String[] args) {
        if (args.length != 3 && !(args.length == 5 && "--fresh".equals(args[3]))) {
            throw new CommandLine.UsageException("expected 3 arguments (and optionally --fresh <names>), got " + args.length);
        }
        if (!args[0].startsWith("jdbc:postgresql:")) {
            throw new CommandLine.UsageException("not a PostgreSQL JDBC URL: " + args[0]);
        }
        List<String> names = parseNames(args[2]);
        List<String> fresh = args.length == 5 ? parseNames(args[4]) : List.of();
        if (!names.containsAll(fresh)) {
            throw new CommandLine.UsageException("--fresh names must be among the names to provision");
        }
        String password = System.getenv("PGPASSWORD");
        try {
            var provisioner = new ProvisionDatabases(args[0], args[1], password == null || password.isEmpty() ? null : password);
            provisioner.drop(fresh);
            provisioner.provision(names);
            return 0;
        } catch (SQLException e) {
            Foreground.fail("ProvisionDatabases", "failed: " + Foreground.describe(e)
                    + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : ""), null);
            return Foreground.EXIT_FAILURE;
        }
    }

    static List<String> parseNames(String commaSeparated) {
        List<String> names = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new CommandLine.UsageException("not a plain lower-case SQL identifier: '" + name + "'");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new CommandLine.UsageException("no database names given");
        }
        return names;
    }

    /** Drops these databases if they exist, closing their connections (PostgreSQL 13+). */
    public void drop(List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (Connection admin = connect(null); Statement statement = admin.createStatement()) {
            for (String name : names) {
                statement.execute("drop database if exists " + name + " with (force)");
                log("dropped database " + name);
            }
        }
    }

    /** Provisions every name; throws on the first failure (what was done before it stays done). */
    public void provision(List<String> names) throws SQLException {
        try (Connection admin = connect(null)) {
            for (String name : names) {
                ensureRole(admin, name);
                ensureDatabase(admin, name);
            }
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState())
                    || "28000".equals(e.getSQLState()) || "28P01".equals(e.getSQLState())) {
                throw new SQLException("cannot connect to " + adminUrl + " as " + adminUser + ": " + e.getMessage(),
                        e.getSQLState(), e);
            }
            throw e;
        }
        for (String name : names) {
            ensureTrigramExtension(name);
        }
    }

    private void ensureRole(Connection admin, String name) throws SQLException {
        Boolean canLogin = queryBoolean(admin, "select rolcanlogin from pg_roles where rolname = ?", name);
        if (canLogin == null) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create role " + name + " login password '" + name + "'");
                log("created role " + name);
            } catch (SQLException e) {
                if (!DUPLICATE_OBJECT.equals(e.getSQLState())) { // created concurrently: fine
                    throw e;
                }
            }
        } else if (!canLogin) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("alter role " + name + " login");
                log("gave role " + name + " LOGIN");
            }
        } else {
            log("role " + name + " exists");
        }
    }

    private void ensureDatabase(Connection admin, String name) throws SQLException {
        if (queryBoolean(admin, "select true from pg_database where datname = ?", name) != null) {
            log("database " + name + " exists");
            return;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("create database " + name + " owner " + name + " encoding 'UTF8' template template0");
            log("created database " + name);
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** {@code pg_trgm} is wanted by the services; a server without the contrib modules only gets a warning. */
    private void ensureTrigramExtension(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_trgm");
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            System.err.println("ProvisionDatabases: WARNING: no pg_trgm extension in database " + database + ": "
                    + e.getMessage());
        }
    }

    private Connection connect(String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(adminUrl);
        if (database != null) {
            dataSource.setDatabaseName(database);
        }
        dataSource.setConnectTimeout(10);
        dataSource.setApplicationName("feedbackloop-devinfra");
        return dataSource.getConnection(adminUser, adminPassword);
    }

    private static Boolean queryBoolean(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getBoolean(1) : null;
            }
        }
    }

    private static void log(String message) {
        System.out.println("ProvisionDatabases: " + message);
    }
}
