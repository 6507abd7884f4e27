package org.feedbackloop.devinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.feedbackloop.testkit.Keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The demo data of {@code ./feedbackloop up}, added through the gateway as its users would: owners for billing and
 * delivery, feedback from alice and bob, and actions in every state (OPEN, PLANNED and soon overdue, IN_PROGRESS,
 * DONE, DECLINED). The feedback carries idempotency keys, so a second run finds the first one's and adds nothing.
 *
 * <p>Usage: {@code DemoData <gatewayUrl> <keycloakRealmUrl>}. Exit 0 when the data is there, 1 when a step was
 * refused (what was refused goes to stderr).
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TRIAGE_LIMIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Keycloak keycloak;
    private int skipped;

    DemoData(String gateway, Keycloak keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            Foreground.fail("DemoData", "two arguments", "DemoData <gatewayUrl> <keycloakRealmUrl>");
            System.exit(Foreground.EXIT_USAGE);
        }
        try {
            System.out.println(new DemoData(args[0], new Keycloak(args[1])).add());
        } catch (RuntimeException e) {
            Foreground.fail("DemoData", Foreground.describe(e), null);
            System.exit(Foreground.EXIT_FAILURE);
        }
    }

    /** Adds the demo data unless it is there; says which. */
    String add() {
        var alice = keycloak.userToken("alice");
        var bob = keycloak.userToken("bob");
        var admin = keycloak.userToken("admin");
        // the owners first, so that triage routes the first feedback to them (putting a rule again changes nothing)
        routingRule(admin, "billing", "olivia");
        routingRule(admin, "delivery", "oscar");
        var first = feedback("I was charged twice for my March invoice and still have no refund.", "WEB", "NPS", 2);
        var charged = send("POST", "/api/feedback", alice, first, "Idempotency-Key", "demo-1");
        if ("true".equals(charged.headers().firstValue("Idempotent-Replayed").orElse(""))) {
            return "demo data: already there (./feedbackloop reset starts afresh)";
        }
        var doubleCharge = idOf(accepted(charged));
        var tracking = submit(alice, "demo-2", feedback("The new order tracking page is great, thank you!", "IN_APP", "CSAT", 5));
        var parcel = submit(bob, "demo-3", feedback("My parcel arrived three days late and the box was damaged.", "EMAIL", "CSAT", 2));
        var crash = submit(bob, "demo-4", feedback("The app crashes every time I open my order history.", "IN_APP", "NPS", 4));
        var login = submit(bob, "demo-5", feedback("Support answered quickly and solved my login problem.", "PHONE", null, 0));
        var again = submit(bob, "demo-6", feedback("Charged twice on my invoice again, where is my refund?", "WEB", "NPS", 1));
        var dark = submit(alice, "demo-7", feedback("Please add a dark mode to the app, the white screen hurts at night.", "SURVEY", null, 0)
                .put("topic", "product"));
        var checkout = submit(alice, "demo-8", feedback("The checkout page timed out twice when I paid by card.", "WEB", "NPS", 5));
        // every piece triaged before any action changes: a later one joining an action (the second double charge
        // joins the first here) changes its version, and a change made with the version read before would be refused
        var actions = new HashMap<String, String>();
        var kudos = 0;
        for (var feedbackId : List.of(doubleCharge, tracking, parcel, crash, login, again, dark, checkout)) {
            var actionId = triaged(admin, feedbackId);
            if (actionId.isPresent()) {
                actions.put(feedbackId, actionId.get());
            } else {
                kudos++;
            }
        }

        // praise (the tracking page, the quick support) went to its team as kudos. OPEN: the checkout, as triage
        // left it. PLANNED, then overdue: the double charge.
        var action = actions.get(doubleCharge);
        change(admin, action, "transitions", transition("PLANNED", "Refund run on Friday", "We found the double charge and will refund it.",
                "Double charges on invoices"));
        change(admin, action, "due", JSON.createObjectNode()
                .put("dueAt", Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("reason", "Refunds go out this week"));
        // IN_PROGRESS: the late parcel
        action = actions.get(parcel);
        change(admin, action, "transitions", transition("PLANNED", null, null, null));
        change(admin, action, "transitions", transition("IN_PROGRESS", null, "We are changing carriers for your region.",
                "Late and damaged parcels"));
        // DONE: the crash, told to bob ("you said, we did")
        action = actions.get(crash);
        change(admin, action, "transitions", transition("PLANNED", null, null, null));
        change(admin, action, "transitions", transition("IN_PROGRESS", null, null, null));
        change(admin, action, "transitions", transition("DONE", null,
                "Version 4.2 fixes the crash when opening your order history.", "App crash on order history"));
        // DECLINED: dark mode, with the reason
        action = actions.get(dark);
        change(admin, action, "transitions", transition("DECLINED", null,
                "Not this year: the redesign next spring will bring a dark theme.", "Dark mode"));
        return "demo data: actions OPEN, PLANNED (overdue in a few seconds), IN_PROGRESS, DONE and DECLINED; " + kudos
                + " praise passed to the teams as kudos" + (skipped == 0 ? ""
                : "; " + skipped + " steps left out: triage joined demo feedback to actions an earlier run had moved on");
    }

    private void routingRule(String admin, String topic, String owner) {
        var rule = JSON.createObjectNode().put("team", topic)
                .put("defaultOwnerId", Keycloak.subjectOf(keycloak.userToken(owner))).put("defaultOwnerName", owner);
        accepted(send("PUT", "/api/routing-rules/" + topic, admin, rule));
    }

    private static ObjectNode feedback(String text, String channel, String scale, int score) {
        var feedback = JSON.createObjectNode().put("text", text).put("channel", channel);
        if (scale != null) {
            feedback.putObject("rating").put("scale", scale).put("score", score);
        }
        return feedback;
    }

    private static ObjectNode transition(String to, String note, String publicNote, String publicTitle) {
        var transition = JSON.createObjectNode().put("to", to);
        if (note != null) {
            transition.put("note", note);
        }
        if (publicNote != null) {
            transition.put("publicNote", publicNote).put("publicTitle", publicTitle);
        }
        return transition;
    }

    private String submit(String token, String idempotencyKey, ObjectNode feedback) {
        return idOf(accepted(send("POST", "/api/feedback", token, feedback, "Idempotency-Key", idempotencyKey)));
    }

    /**
     * The action triage linked the feedback to, or empty when triage passed it to its team as kudos (praise); triage
     * runs after the feedback is accepted, so this waits for it.
     */
    private Optional<String> triaged(String staff, String feedbackId) {
        var deadline = Instant.now().plus(TRIAGE_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            var items = accepted(send("GET", "/api/actions?feedbackId=" + feedbackId, staff, null)).path("items");
            if (!items.isEmpty()) {
                return Optional.of(items.get(0).path("id").asText());
            }
            for (var passed : accepted(send("GET", "/api/kudos?limit=100", staff, null)).path("items")) {
                if (feedbackId.equals(passed.path("feedbackId").asText())) {
                    return Optional.empty();
                }
            }
            pause();
        }
        throw new IllegalStateException("triage did not track demo feedback " + feedbackId + " within "
                + TRIAGE_LIMIT.toSeconds() + " s (see the action service's log)");
    }

    private static final List<String> FORWARD = List.of("OPEN", "PLANNED", "IN_PROGRESS", "DONE");

    /**
     * A change to an action, made with its current ETag as the console makes it. Skipped when the action is past it
     * already: triage may have joined the demo feedback to an action of an earlier run (databases kept while Keycloak's
     * users were made again) that has moved on.
     */
    private void change(String staff, String action, String subpath, ObjectNode body) {
        var current = send("GET", "/api/actions/" + action, staff, null);
        var status = accepted(current).path("status").asText();
        var closed = status.equals("DONE") || status.equals("DECLINED");
        if (subpath.equals("transitions")) {
            var to = body.path("to").asText();
            if (closed || !to.equals("DECLINED") && FORWARD.indexOf(status) >= FORWARD.indexOf(to)) {
                skipped++;
                return;
            }
        } else if (closed) {
            skipped++;
            return;
        }
        var etag = current.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("action " + action + " has no ETag"));
        var method = subpath.equals("due") ? "PUT" : "POST";
        accepted(send(method, "/api/actions/" + action + "/" + subpath, staff, body, "If-Match", etag));
    }

    private HttpResponse<String> send(String method, String path, String token, JsonNode body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway is not reachable at " + gateway, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " was refused: "
                    + response.statusCode() + " " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }

    private static String idOf(JsonNode resource) {
        var id = resource.path("id").asText();
        if (id.isEmpty()) {
            throw new IllegalStateException("no id in " + resource);
        }
        return id;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
