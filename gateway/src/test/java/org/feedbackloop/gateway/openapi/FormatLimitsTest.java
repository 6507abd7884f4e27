package org.feedbackloop.gateway.openapi;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatLimitsTest {

    @Test
    void aStringOfAKnownFormatGetsItsLongestLengthUnlessItSaysOne() {
        var document = new JsonObject("""
                {"components":{"schemas":{
                  "UUID":{"type":"string","format":"uuid"},
                  "Item":{"type":"object","properties":{
                    "id":{"type":"string","format":"uuid"},
                    "at":{"type":["string","null"],"format":"date-time"},
                    "actionId":{"type":["string","null"],"anyOf":[{"$ref":"#/components/schemas/UUID"},{"type":"null"}]},
                    "note":{"type":"string"},
                    "email":{"type":"string","format":"email","maxLength":100}}}}}}""");
        FormatLimits.addTo(document);
        var schemas = document.getJsonObject("components").getJsonObject("schemas");
        var item = schemas.getJsonObject("Item").getJsonObject("properties");

        assertThat(schemas.getJsonObject("UUID").getInteger("maxLength")).isEqualTo(36);
        assertThat(item.getJsonObject("id").getInteger("maxLength")).isEqualTo(36);
        assertThat(item.getJsonObject("at").getInteger("maxLength")).isEqualTo(40);
        assertThat(item.getJsonObject("actionId").getInteger("maxLength")).isEqualTo(36);
        assertThat(item.getJsonObject("note").containsKey("maxLength")).isFalse();
        assertThat(item.getJsonObject("email").getInteger("maxLength")).isEqualTo(100);
    }
}
