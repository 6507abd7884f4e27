package org.feedbackloop.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.events.TransientFailure;
import org.feedbackloop.kit.http.RequestIdHandler;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 answer; clients never see a stack trace. A service maps its own domain
 * exceptions beside these (the most specific mapper wins) and answers with {@link #respond}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).problem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST,
                "The body is not well-formed JSON (line %d, column %d)".formatted(
                        e.getLocation().getLineNr(), e.getLocation().getColumnNr())));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        var field = pathOf(e);
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object"));
        }
        return respond(ProblemException.invalid(field, expectation(e)).problem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        var field = pathOf(e);
        return respond(field.isEmpty()
                ? Problem.of(ProblemType.MALFORMED_REQUEST, "The body could not be read as the expected JSON object")
                : ProblemException.invalid(field, "has an invalid value").problem());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this request"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        var type = Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == status && t != ProblemType.VALIDATION)
                .findFirst().orElse(ProblemType.MALFORMED_REQUEST);
        var detail = switch (type) {
            case NOT_FOUND -> "There is nothing at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept that method";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource answers application/json";
            default -> e.getMessage();
        };
        var response = Response.status(status).type(Problem.MEDIA_TYPE).entity(withRequestId(Problem.of(type, detail)));
        var allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (TransientFailure.test(e)) {
            // the database (or another dependency) is away for a moment: the client may retry (idempotently)
            LOG.warnf("Request failed while a dependency is unavailable: %s", e.toString());
            return Response.fromResponse(respond(Problem.of(ProblemType.UNAVAILABLE,
                    "A service this request needs is unavailable for a moment; retry shortly"))).header("Retry-After", "5")
                    .build();
        }
        LOG.error("Request failed unexpectedly", e);
        return respond(Problem.of(ProblemType.INTERNAL,
                "Something went wrong on our side; the request id helps us find out what"));
    }

    private static Response unauthenticated() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"feedbackloop\"")
                .type(Problem.MEDIA_TYPE)
                .entity(withRequestId(Problem.of(ProblemType.UNAUTHENTICATED,
                        "Send a valid, unexpired bearer token from the feedbackloop realm")))
                .build();
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withRequestId(problem)).build();
    }

    private static Problem withRequestId(Problem problem) {
        var requestId = MDC.get(RequestIdHandler.MDC_KEY);
        return requestId == null ? problem : problem.withRequestId(requestId.toString());
    }

    /** "submit.body.rating.score" → "rating.score", "put.body.keywords[0].&lt;list element&gt;" → "keywords[0]". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        var path = new StringBuilder();
        int depth = 0;
        for (var node : violation.getPropertyPath()) {
            if (depth++ < 2) {
                continue; // the method and its parameter
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                path.append('[').append(node.getKey()).append(']');
            }
            var name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectation(MismatchedInputException e) {
        var target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException || target != null) {
            return "must be " + describe(target);
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "of type " + type.getSimpleName();
    }
}
