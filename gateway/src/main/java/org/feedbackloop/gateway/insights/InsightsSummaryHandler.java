package org.feedbackloop.gateway.insights;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.config.GatewayConfig;
import org.feedbackloop.gateway.edge.Exchange;
import org.feedbackloop.gateway.edge.RouteOrder;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.gateway.proxy.ForwardedHeaders;
import org.feedbackloop.gateway.upstream.UpstreamCalls;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.upstream.Upstreams;
import org.feedbackloop.kit.problem.ProblemType;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/insights/summary?from=&to=}: each service's insights over the same period (default: the last 30
 * days), called in parallel with the caller's token. A service's refusal of the period (400) or of the caller
 * (401, 403) is relayed; a service that does not answer leaves its part out, and the summary says it is partial.
 */
@ApplicationScoped
public class InsightsSummaryHandler {

    static final String ROUTE = "summary";
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(InsightsSummaryHandler.class);

    private record Call(InsightsSummary.Part part, String service, String path) {
    }

    private static final List<Call> CALLS = List.of(
            new Call(InsightsSummary.Part.NPS, Upstreams.FEEDBACK, "/api/insights/ratings?scale=NPS&"),
            new Call(InsightsSummary.Part.CSAT, Upstreams.FEEDBACK, "/api/insights/ratings?scale=CSAT&"),
            new Call(InsightsSummary.Part.VOLUME, Upstreams.FEEDBACK, "/api/insights/volume?"),
            new Call(InsightsSummary.Part.LOOP, Upstreams.NOTIFICATION, "/api/insights/loop?"),
            new Call(InsightsSummary.Part.ACTIONS, Upstreams.ACTION, "/api/insights/actions?"),
            new Call(InsightsSummary.Part.SILENCE, Upstreams.FEEDBACK, "/api/insights/silence?"));

    /** A part's answer: its document, or the client's error to relay, or nothing (the service failed). */
    private record Answer(InsightsSummary.Part part, Optional<JsonObject> document, UpstreamReply refusal) {
    }

    private final Upstreams upstreams;
    private final UpstreamCalls calls;
    private final Duration timeout;

    InsightsSummaryHandler(Upstreams upstreams, UpstreamCalls calls, GatewayConfig config) {
        this.upstreams = upstreams;
        this.calls = calls;
        this.timeout = config.timeout().of(ROUTE);
    }

    void register(@Observes Router router) {
        router.get("/api/insights/summary").order(RouteOrder.LOCAL_ROUTES).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var exchange = Exchange.of(context);
        exchange.routedTo(ROUTE, Upstreams.FEEDBACK + "," + Upstreams.NOTIFICATION + "," + Upstreams.ACTION);
        if (exchange.identity() == null
                || !(exchange.identity().hasRole("manager") || exchange.identity().hasRole("admin"))) {
            Problems.answer(context, ProblemType.FORBIDDEN, "Insights are for managers and admins");
            return;
        }
        var to = Optional.ofNullable(context.request().getParam("to"))
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        var from = Optional.ofNullable(context.request().getParam("from")).orElseGet(() -> before(to));
        var query = "from=" + encode(from) + "&to=" + encode(to);
        var headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.AUTHORIZATION, context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .add(HttpHeaders.ACCEPT, "application/json");
        ForwardedHeaders.apply(context, headers);
        var answers = CALLS.stream().map(call -> calls.get(upstreams.get(call.service()), call.path() + query, headers, timeout)
                        .map(reply -> answer(call, reply))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.debugf("Insights summary without %s: %s", call.part(), failure.toString());
                            return new Answer(call.part(), Optional.empty(), null);
                        }))
                .toList();
        Uni.join().all(answers).andFailFast().subscribe().with(
                all -> respond(context, from, to, all),
                failure -> Problems.answer(context, ProblemType.UNAVAILABLE, "Insights cannot be read now"));
    }

    private static Answer answer(Call call, UpstreamReply reply) {
        if (reply.ok()) {
            var body = reply.body().toJson();
            var document = body instanceof JsonArray flags ? new JsonObject().put("flags", flags) : (JsonObject) body;
            return new Answer(call.part(), Optional.of(document), null);
        }
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403) {
            return new Answer(call.part(), Optional.empty(), reply);
        }
        return new Answer(call.part(), Optional.empty(), null);
    }

    private static void respond(RoutingContext context, String from, String to, List<Answer> answers) {
        var refusal = answers.stream().filter(answer -> answer.refusal() != null).findFirst();
        if (refusal.isPresent()) {
            refusal.get().refusal().relayTo(context.response());
            return;
        }
        if (answers.stream().allMatch(answer -> answer.document().isEmpty())) {
            Problems.answer(context, ProblemType.UNAVAILABLE, "No service could give its insights now");
            return;
        }
        Map<InsightsSummary.Part, Optional<JsonObject>> parts = new EnumMap<>(InsightsSummary.Part.class);
        answers.forEach(answer -> parts.put(answer.part(), answer.document()));
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(InsightsSummary.compose(from, to, parts).toBuffer());
    }

    /** {@link #DEFAULT_PERIOD} before {@code to}; an unreadable {@code to} is left for the services to refuse. */
    private static String before(String to) {
        try {
            Instant end;
            try {
                end = Instant.parse(to);
            } catch (DateTimeParseException e) {
                end = LocalDate.parse(to).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return end.minus(DEFAULT_PERIOD).toString();
        } catch (DateTimeParseException | ArithmeticException e) {
            return to;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
