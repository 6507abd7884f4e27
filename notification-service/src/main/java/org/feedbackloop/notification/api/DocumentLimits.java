package org.feedbackloop.notification.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.notification.domain.Segment;
import org.feedbackloop.notification.webhooks.EventTypeFilter;

import java.util.ArrayList;

/**
 * What the annotations cannot state: limits that come from lists in the code rather than from constants (the event
 * types a webhook may ask for, how many rating segments there are), the items of a list of strings, and null among the
 * values of a nullable enumeration.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DocumentLimits implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        var schemas = openAPI.getComponents().getSchemas();
        for (var name : new String[] {"NewWebhook", "Webhook"}) {
            var eventTypes = property(schemas.get(name), "eventTypes");
            if (eventTypes != null && eventTypes.getItems() != null) {
                eventTypes.getItems().setEnumeration(new ArrayList<>(EventTypeFilter.SUBSCRIBABLE));
            }
        }
        var addresses = property(schemas.get("MyNotificationData"), "addresses");
        if (addresses != null && addresses.getItems() != null) {
            addresses.getItems().format("email").maxLength(Lengths.EMAIL);
        }
        var bySegment = property(schemas.get("LoopInsights"), "bySegment");
        if (bySegment != null) {
            bySegment.setMaxItems(Segment.values().length);
        }
        schemas.values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(DocumentLimits::allowNull);
            }
        });
    }

    private static void allowNull(Schema property) {
        var values = property.getEnumeration();
        if (values != null && property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)
                && !values.contains(null)) {
            var withNull = new ArrayList<>(values);
            withNull.add(null);
            property.setEnumeration(withNull);
        }
    }

    private static Schema property(Schema schema, String name) {
        return schema == null || schema.getProperties() == null ? null : schema.getProperties().get(name);
    }
}
