package org.feedbackloop.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.feedbackloop.kit.problem.Problem;

import java.util.List;

/**
 * The answers every operation under {@code /api} can give besides its own, stated in each service's document as the
 * kit gives them: 401 and 403 where a token is required, 413 and 415 where a body is read, 400 for a malformed request
 * where the operation names no other refusal, 500 for anything unforeseen and 503 while a dependency cannot answer,
 * each as problem+json with the shared {@code Problem} schema. A response the operation documents itself is kept; a
 * problem+json one without a schema gets {@code Problem}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = requiresToken(openAPI.getSecurity());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> complete(operation, securedByDefault));
            }
        });
    }

    private static void complete(Operation operation, boolean securedByDefault) {
        var responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        var security = operation.getSecurity();
        if (security == null ? securedByDefault : requiresToken(security)) {
            addIfAbsent(operation, "401", "No valid bearer token");
            addIfAbsent(operation, "403", "The caller's roles do not allow it");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "413", "The body is larger than the service accepts");
            addIfAbsent(operation, "415", "The body's media type is not one the operation accepts");
        }
        if (!responses.hasAPIResponse("400") && !responses.hasAPIResponse("422")) {
            addIfAbsent(operation, "400", "The request is malformed (its encoding, headers or parameters)");
        }
        addIfAbsent(operation, "500", "Something failed unexpectedly; the answer names the request id to report");
        addIfAbsent(operation, "503", "A dependency of the service cannot answer now; try again later");
        responses.getAPIResponses().values().forEach(StandardResponses::problemSchema);
    }

    private static boolean requiresToken(List<SecurityRequirement> requirements) {
        return requirements != null && requirements.stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
    }

    private static void addIfAbsent(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType())));
        }
    }

    private static void problemSchema(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            return;
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        }
    }
}
