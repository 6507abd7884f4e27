package org.feedbackloop.feedback.imports;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.feedback.config.FeedbackConfig;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.kit.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bulk imports: a file of submissions taken in the background, its progress and each row's result. */
@Path(ImportResource.PATH)
@Tag(name = "Imports", description = "Bring in feedback from a spreadsheet or another tool")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String PATH = "/api/feedback/imports";

    private final SecurityIdentity identity;
    private final ImportStore store;
    private final ImportRunner runner;
    private final int maxRows;
    private final Duration staleAfter;

    ImportResource(SecurityIdentity identity, ImportStore store, ImportRunner runner, FeedbackConfig config) {
        this.identity = identity;
        this.store = store;
        this.runner = runner;
        this.maxRows = config.imports().maxRows();
        this.staleAfter = config.imports().staleAfter();
    }

    @POST
    @Blocking // the file is written to disk as it arrives
    @Consumes({ImportFormat.CSV_TYPE, ImportFormat.NDJSON_TYPE})
    @RolesAllowed({Roles.INTEGRATOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "startImport", summary = "Import a file of feedback",
            description = """
                    CSV (RFC 4180, UTF-8, a header line of the submission's field names, nested ones dotted: text, \
                    channel, topic, externalRef, createdAt, contact.email, consentToContact, rating.scale, rating.score) \
                    or JSON Lines (one submission object a line, the fields of POST /api/feedback plus createdAt). \
                    Each row is validated as a submission; a row whose externalRef an import brought in before is a \
                    duplicate; createdAt (a day or an instant, default now) is kept. The import runs in the \
                    background: follow Location. Unless notify=true, contributors are not told about what it brings \
                    in. Posting the same file again returns its import, and resumes it if it was interrupted.""")
    @RequestBody(content = {
            @Content(mediaType = ImportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = """
                            text,channel,externalRef,createdAt,contact.email,rating.scale,rating.score
                            "Charged twice in March, no refund yet",PHONE,crm-1001,2024-03-02,ann@example.com,NPS,3
                            """)),
            // its example and both bodies' longest text: ImportBodies
            @Content(mediaType = ImportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "202", description = "Import started (or, for an interrupted one, resumed); follow Location",
            content = @Content(schema = @Schema(implementation = ImportView.class)),
            headers = @Header(name = HttpHeaders.LOCATION, description = "The import's address, to follow its progress", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 100)))
    @APIResponse(responseCode = "200", description = "This file was posted before: its import, as it stands",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only integrators, managers and admins import",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More rows or bytes than a file may hold",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The file cannot be read: not UTF-8, no header, a broken or "
            + "oversized row (the line is named); nothing of it is imported", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importFile(
            @Parameter(description = "Tell the contributors about these items as if they had just said them; default false",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("notify") String notify,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            InputStream body) {
        var caller = Caller.of(identity);
        var tell = flag("notify", notify);
        var format = formatOf(contentType);
        var received = ImportFile.receive(body, format, runner.receivingFile(), maxRows);
        var started = await(store.start(caller, received, tell, staleAfter));
        var job = started.job();
        if (started.start() == ImportStore.Start.EARLIER) {
            received.delete();
            return Response.ok(ImportView.of(job, staleAfter)).build();
        }
        try {
            Files.move(received.path(), runner.fileOf(job.id, job.format), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            received.delete();
            throw new UncheckedIOException(e);
        }
        runner.run(job);
        return Response.accepted(ImportView.of(job, staleAfter))
                .header(HttpHeaders.LOCATION, PATH + "/" + job.id).build();
    }

    @GET
    @RolesAllowed({Roles.INTEGRATOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listImports",
            summary = "The newest imports", description = "Managers and admins see every import; integrators their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ImportView.class,
            maxItems = QueryParams.MAX_LIMIT)))
    @APIResponse(responseCode = "400", description = "Invalid limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<ImportView>> list(
            @Parameter(description = "1 to " + QueryParams.MAX_LIMIT + ", default " + QueryParams.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + QueryParams.MAX_LIMIT))
            @QueryParam("limit") String limit) {
        return store.newest(visibleSubmitter(), QueryParams.limitOf(limit))
                .map(jobs -> jobs.stream().map(job -> ImportView.of(job, staleAfter)).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getImport", summary = "An import's progress",
            description = "Its rows so far by outcome, and whether it is running, interrupted, done or failed; integrators "
                    + "see only their own imports.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such import that you may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ImportView> get(
            @Parameter(description = "The import's id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return visible(QueryParams.uuid("id", id)).map(job -> ImportView.of(job, staleAfter));
    }

    @GET
    @Path("{id}/rows")
    @RolesAllowed({Roles.INTEGRATOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listImportRows", summary = "Each row's result, in file order",
            description = "The line where each row starts, its outcome, the item stored or the reason it was refused.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportRowView.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid outcome, after or limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such import that you may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ImportRowView.Page> rows(
            @Parameter(description = "The import's id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "ACCEPTED, DUPLICATE or REJECTED; all when absent",
                    schema = @Schema(implementation = ImportStore.Outcome.class))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "Rows after this line (nextAfter of the previous page)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "" + Integer.MAX_VALUE))
            @QueryParam("after") String after,
            @Parameter(description = "1 to " + QueryParams.MAX_LIMIT + ", default " + QueryParams.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + QueryParams.MAX_LIMIT))
            @QueryParam("limit") String limit) {
        var importId = QueryParams.uuid("id", id);
        var wanted = outcomeOf(outcome);
        var afterLine = lineOf(after);
        int size = QueryParams.limitOf(limit);
        return visible(importId).flatMap(job -> store.rows(importId, wanted, afterLine, size)).map(found -> {
            var more = found.size() > size;
            var page = more ? found.subList(0, size) : found;
            return new ImportRowView.Page(page, more ? page.getLast().line() : null);
        });
    }

    private Uni<FeedbackImport> visible(UUID id) {
        var submitter = visibleSubmitter();
        return store.find(id).map(job -> job == null || submitter != null && !submitter.equals(job.submittedBy) ? null : job)
                .onItem().ifNull().failWith(() -> ProblemException.of(ProblemType.NOT_FOUND, "No import " + id));
    }

    /** Integrators see their own imports; managers and admins everybody's. */
    private String visibleSubmitter() {
        return identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN) ? null : Caller.of(identity).subject();
    }

    /** By its type alone: a file is read as UTF-8 whatever charset it declares, and refused with the line if it is not. */
    private static ImportFormat formatOf(MediaType type) {
        return type != null && type.isCompatible(MediaType.valueOf(ImportFormat.NDJSON_TYPE)) ? ImportFormat.NDJSON : ImportFormat.CSV;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false");
    }

    private static ImportStore.Outcome outcomeOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ImportStore.Outcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("outcome", "must be ACCEPTED, DUPLICATE or REJECTED");
        }
    }

    private static int lineOf(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int line = Integer.parseInt(value);
            if (line >= 0) {
                return line;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.invalid("after", "must be a line number");
    }

    private static <T> T await(Uni<T> work) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
