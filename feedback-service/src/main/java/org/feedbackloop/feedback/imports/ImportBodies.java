package org.feedbackloop.feedback.imports;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The files {@code POST /api/feedback/imports} takes, as the OpenAPI document states them. Their longest text is the
 * HTTP layer's limit for uploads, {@value #LIMIT} (bytes, so also a bound of the characters), read when the document
 * is built and again at start, where the deployment may set it otherwise. The JSON Lines example is added here as
 * text: SmallRye reads an annotation's example that looks like JSON as one object, which a file is not.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class ImportBodies implements OASFilter {

    static final String LIMIT = "quarkus.http.limits.max-body-size";
    static final String NDJSON_EXAMPLE = """
            {"text": "Charged twice in March, no refund yet", "channel": "PHONE", "externalRef": "crm-1001", "createdAt": "2024-03-02T09:30:00Z"}
            {"text": "The new app is much faster", "channel": "IN_APP", "externalRef": "crm-1002", "rating": {"scale": "CSAT", "score": 5}}
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var path = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(ImportResource.PATH);
        var post = path == null ? null : path.getPOST();
        if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
            return;
        }
        var content = post.getRequestBody().getContent();
        long bytes = new MemorySizeConverter().convert(ConfigProvider.getConfig().getValue(LIMIT, String.class)).asLongValue();
        content.getMediaTypes().values().forEach(media -> {
            // the model holds an Integer: a limit beyond it (2 GiB) is better left unsaid than stated smaller
            if (media.getSchema() != null) {
                media.getSchema().maxLength(bytes <= Integer.MAX_VALUE ? (int) bytes : null);
            }
        });
        var ndjson = content.getMediaType(ImportFormat.NDJSON_TYPE);
        if (ndjson != null) {
            ndjson.addExample("ndjson", OASFactory.createExample().value(NDJSON_EXAMPLE));
        }
    }
}
