package org.feedbackloop.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real PostgreSQL in process (as root here: zonky runs it through {@code unshare -U}), provisions it twice,
 * and checks that what a service wrote survives a restart on the same data directory.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path work;

    @Test
    void provisionsIdempotentlyAndKeepsDataAcrossRestarts() throws Exception {
        int port = FreePort.find();
        Path dataDir = work.resolve("data");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, dataDir)) {
            ProvisionDatabases provisioning = new ProvisionDatabases(server.jdbcUrl("postgres"), "postgres", null);
            provisioning.provision(List.of("feedback", "feedback_test"));
            provisioning.provision(List.of("feedback", "feedback_test"));

            assertThat(query(server.jdbcUrl("postgres"), "postgres",
                    "select count(*) from pg_roles where rolname in ('feedback', 'feedback_test') and rolcanlogin"))
                    .isEqualTo("2");
            assertThat(query(server.jdbcUrl("postgres"), "postgres",
                    "select pg_get_userbyid(datdba) || ' ' || pg_encoding_to_char(encoding)"
                            + " from pg_database where datname = 'feedback_test'"))
                    .isEqualTo("feedback_test UTF8");

            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("feedback"), "feedback", "feedback");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table remark (id bigint primary key, text varchar(200) not null)");
                statement.execute("insert into remark values (1, 'still here after a restart')");
                // pg_trgm was created by the provisioning
                try (ResultSet result = statement.executeQuery("select similarity('feedback', 'feedbacks') > 0.5")) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getBoolean(1)).isTrue();
                }
            }
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, dataDir)) {
            assertThat(query(server.jdbcUrl("feedback"), "feedback", "select text from remark where id = 1"))
                    .isEqualTo("still here after a restart");
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void provisioningFailsClearlyWhenNoServerAnswers() {
        int nothingListens = FreePort.find();
        String url = "jdbc:postgresql://127.0.0.1:" + nothingListens + "/postgres";

        int exitCode = ProvisionDatabases.run(new String[] {url, "postgres", "feedback"});

        assertThat(exitCode).isEqualTo(Foreground.EXIT_FAILURE);
    }

    private static String query(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, user);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
