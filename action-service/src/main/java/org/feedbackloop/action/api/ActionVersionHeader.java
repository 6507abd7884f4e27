package org.feedbackloop.action.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Every answer that carries one action carries its version as an {@code ETag} (see {@link Versions}): the document
 * says so on each of them, the action's read, its creation and every change, which take it back as {@code If-Match}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ActionVersionHeader implements OASFilter {

    private static final String ACTION_SCHEMA = "#/components/schemas/Action";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                var json = response.getContent() == null ? null : response.getContent().getMediaType("application/json");
                if (status.startsWith("2") && json != null && json.getSchema() != null
                        && ACTION_SCHEMA.equals(json.getSchema().getRef())) {
                    response.addHeader("ETag", OASFactory.createHeader()
                            .description("The action's version: send it back as If-Match to change the action")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                    .maxLength(Versions.LONGEST_IF_MATCH).pattern(Versions.IF_MATCH_PATTERN)));
                }
            });
        }));
    }
}
