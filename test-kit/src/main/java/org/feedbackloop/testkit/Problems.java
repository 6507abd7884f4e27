package org.feedbackloop.testkit;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** What every refusal of the suite looks like to a client: an RFC 9457 problem, and never a stack trace. */
public final class Problems {

    private Problems() {
    }

    /**
     * Asserts that {@code answer} is a problem+json of {@code status} with a type of the suite, a title and a detail,
     * naming {@code field} among its errors (when not null), with no trace of an exception.
     */
    public static ValidatableResponse assertProblem(Response answer, int status, String field) {
        var response = answer.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(status))
                .body("type", startsWith("urn:feedbackloop:problem:"))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        assertThat(response.extract().body().asString()).doesNotContain("Exception", "\tat ");
        return response;
    }
}
