package org.feedbackloop.action;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.action.support.Actions;
import org.feedbackloop.action.support.TestInfrastructure;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The managers' counts by team: each open, overdue or escalated action moves them by one. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SummaryTest {

    private static TestBroker broker;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() throws Exception {
        broker = new TestBroker("action-service tests");
    }

    @AfterAll
    static void disconnect() throws Exception {
        broker.close();
    }

    private static Map<String, Integer> product() {
        Map<String, Integer> counts = given().auth().oauth2(Tokens.of("maria")).get("/api/actions/summary").then()
                .statusCode(200).extract().path("teams.find { it.team == 'product' }");
        return counts == null ? Map.of("open", 0, "overdue", 0, "escalated", 0) : counts;
    }

    @Test
    void openOverdueAndEscalatedActionsAreCountedPerTeam() throws SQLException {
        var before = product();
        var overdue = Actions.open(broker, "product");
        var escalated = Actions.open(broker, "product");
        var done = Actions.done(broker, "product", "Shipped.");
        update("update action set due_at = now() - interval '1 hour' where id = ?", overdue);
        update("update action set repeats_escalated_at = now() where id = ?", escalated);
        update("update action set repeats_escalated_at = now(), due_at = now() - interval '1 hour' where id = ?", done);

        var after = product();
        assertThat(after.get("open") - before.get("open")).isEqualTo(2);
        assertThat(after.get("overdue") - before.get("overdue")).isEqualTo(1);
        assertThat(after.get("escalated") - before.get("escalated")).isEqualTo(1);
    }

    @Test
    void onlyManagersAndAdminsReadIt() {
        given().auth().oauth2(Tokens.of("admin")).get("/api/actions/summary").then().statusCode(200);
        given().auth().oauth2(Tokens.of("olivia")).get("/api/actions/summary").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("alice")).get("/api/actions/summary").then().statusCode(403);
        given().get("/api/actions/summary").then().statusCode(401);
    }

    private void update(String sql, String actionId) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(actionId));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
