package org.feedbackloop.action.similarity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * This replica's {@link OpenActionIndex}, kept current from the {@code action} table: loaded at start, then
 * caught up with what changed, every second and whenever triage is about to search (under its team's lock,
 * so that it sees every action another replica opened for that team a moment before).
 *
 * <p>A catch-up reads the actions changed by transactions at or after the horizon: the oldest transaction that
 * was still running when the previous catch-up looked (PostgreSQL's snapshot {@code xmin}). Everything older
 * was visible to that catch-up, so nothing committed is ever missed, whichever replica or request wrote it.
 * Catch-ups run one after another; callers that arrive while one waits to start share it.
 */
@ApplicationScoped
public class ProblemIndex {

    private static final Logger LOG = Logger.getLogger(ProblemIndex.class);
    private static final int PAGE = 2_000;
    private static final Duration EVERY = Duration.ofSeconds(1);
    private static final String HORIZON = "cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)";
    private static final String XID = "cast(cast(changed_xid as text) as bigint)";
    private static final String COLUMNS = "id, team, status in ('OPEN', 'PLANNED', 'IN_PROGRESS') as open, "
            + "public_note is not null as on_board, problem_sum, problem_count, " + XID + " as xid";

    private final OpenActionIndex index = new OpenActionIndex();
    private final Pool database;
    private final Vertx vertx;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private CompletableFuture<Void> last = loaded;
    /** A catch-up that waits for the one before it to end: later callers share it, as it has not started yet. */
    private CompletableFuture<Void> waiting;
    private volatile long horizon;
    private long timer = -1;

    ProblemIndex(Pool database, Vertx vertx, MeterRegistry metrics) {
        this.database = database;
        this.vertx = vertx;
        Gauge.builder("triage.index.actions", index, OpenActionIndex::size)
                .description("Open actions this replica holds in memory for triage by meaning").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        load().subscribe().with(nothing -> {
            LOG.infof("Similarity index loaded: %d open actions", index.size());
            loaded.complete(null);
            timer = vertx.setPeriodic(EVERY.toMillis(), tick -> catchUp().subscribe().with(ok -> { }, failure ->
                    LOG.debugf("Similarity index catch-up failed, retried next time: %s", failure)));
        }, failure -> {
            LOG.errorf(failure, "Similarity index could not be loaded; triage waits for it");
            loaded.completeExceptionally(failure);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    public OpenActionIndex index() {
        return index;
    }

    public boolean isLoaded() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /**
     * Brings the index up to date with every change committed before this call; the item arrives on the caller's
     * Vert.x context (a Hibernate Reactive session continues there).
     */
    public Uni<Void> catchUp() {
        Context context = io.vertx.core.Vertx.currentContext();
        CompletableFuture<Void> mine;
        synchronized (this) {
            if (waiting != null) {
                mine = waiting;
            } else {
                var next = new CompletableFuture<Void>();
                var previous = last;
                last = next;
                waiting = next;
                previous.whenComplete((ok, failure) -> {
                    synchronized (this) {
                        if (waiting == next) {
                            waiting = null;
                        }
                    }
                    if (failure != null && previous == loaded) {
                        next.completeExceptionally(failure);
                        return;
                    }
                    once().subscribe().with(nothing -> next.complete(null), next::completeExceptionally);
                });
                mine = next;
            }
        }
        return Uni.createFrom().completionStage(mine).emitOn(task -> {
            if (context == null) {
                task.run();
            } else {
                context.runOnContext(nothing -> task.run());
            }
        });
    }

    private Uni<Void> load() {
        return database.query("select " + HORIZON).execute()
                .invoke(rows -> horizon = rows.iterator().next().getLong(0))
                .flatMap(rows -> page(new UUID(0, 0))) // PostgreSQL orders uuids as unsigned bytes: zero is the first
                .replaceWithVoid();
    }

    private Uni<Void> page(UUID after) {
        return database.preparedQuery("select " + COLUMNS + " from action where status in ('OPEN', 'PLANNED', 'IN_PROGRESS') "
                        + "and problem_count > 0 and id > $1 order by id limit " + PAGE)
                .execute(Tuple.of(after))
                .flatMap(rows -> {
                    UUID lastId = null;
                    for (var row : rows) {
                        apply(row);
                        lastId = row.getUUID("id");
                    }
                    return rows.size() < PAGE ? Uni.createFrom().voidItem() : page(lastId);
                });
    }

    private Uni<Void> once() {
        long from = horizon;
        return database.preparedQuery("select s.horizon, a.id, " + XID.replace("changed_xid", "a.changed_xid") + " as xid from (select "
                        + HORIZON + " as horizon) s left join action a on a.changed_xid >= cast(cast($1 as text) as xid8)")
                .execute(Tuple.of(String.valueOf(from)))
                .flatMap(rows -> {
                    long next = from;
                    var changed = new ArrayList<UUID>();
                    for (var row : rows) {
                        next = row.getLong("horizon");
                        var id = row.getUUID("id");
                        if (id != null && row.getLong("xid") > index.seenAt(id)) {
                            changed.add(id);
                        }
                    }
                    long settled = next;
                    LOG.debugf("Catch-up from %d: horizon %d, %d changed", from, next, changed.size());
                    if (changed.isEmpty()) {
                        advance(settled);
                        return Uni.createFrom().voidItem();
                    }
                    return database.preparedQuery("select " + COLUMNS + " from action where id = any($1)")
                            .execute(Tuple.of(changed.toArray(new UUID[0])))
                            .invoke(details -> {
                                for (var row : details) {
                                    apply(row);
                                }
                                advance(settled);
                            })
                            .replaceWithVoid();
                });
    }

    private void advance(long next) {
        if (next > horizon) {
            horizon = next;
        }
        index.settledBefore(horizon);
    }

    private void apply(Row row) {
        var id = row.getUUID("id");
        long xid = row.getLong("xid");
        int count = row.getInteger("problem_count");
        if (!row.getBoolean("open") || count <= 0) {
            index.remove(id, xid);
            return;
        }
        index.put(new OpenActionIndex.Entry(id, row.getString("team"), Grouping.mean(floats(row), count),
                row.getBoolean("on_board"), xid));
    }

    private static float[] floats(Row row) {
        Float[] values = row.getArrayOfFloats("problem_sum");
        if (values == null) {
            return null;
        }
        var vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = values[i];
        }
        return vector;
    }
}
