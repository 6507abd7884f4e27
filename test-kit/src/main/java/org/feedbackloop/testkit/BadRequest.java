package org.feedbackloop.testkit;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.function.Function;

/**
 * One case of a bad-input table: a request a careless or hostile client sends, the status it must get and, for a
 * field error, the field the problem must name (or null). Its name is what a parameterized test shows.
 */
public record BadRequest(String name, int status, String field, Function<RequestSpecification, Response> send) {

    @Override
    public String toString() {
        return name;
    }
}
