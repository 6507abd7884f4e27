package org.feedbackloop.e2e;

import org.feedbackloop.client.ApiClient;
import org.feedbackloop.client.api.FeedbackApi;
import org.feedbackloop.client.model.Channel;
import org.feedbackloop.client.model.Feedback;
import org.feedbackloop.client.model.SubmitFeedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's promise: a Java client generated from {@code docs/openapi.json} (openapi-generator's native library,
 * see e2e/pom.xml) compiles and works. A customer submits feedback through the gateway, reads it back and finds it
 * among their own, with the generated types only.
 */
class GeneratedClientTest {

    @RegisterExtension
    static Suite suite = new Suite();

    @Test
    void aCustomerSubmitsReadsAndListsFeedbackThroughTheGeneratedClient() throws Exception {
        var token = Api.token("bob");
        var client = new ApiClient().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.updateBaseUri(Suite.GATEWAY);
        var feedback = new FeedbackApi(client);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var text = "Generated client " + run + ": my parcel came two days after the promised date.";

        var submitted = feedback.submitFeedbackWithHttpInfo(
                new SubmitFeedback().text(text).channel(Channel.WEB).topic("delivery"), UUID.randomUUID().toString());
        assertThat(submitted.getStatusCode()).isEqualTo(201);
        var id = submitted.getData().getId();
        assertThat(id).isNotNull();
        assertThat(submitted.getData().getText()).isEqualTo(text);

        var read = feedback.getFeedback(id);
        assertThat(read.getId()).isEqualTo(id);
        assertThat(read.getText()).isEqualTo(text);
        assertThat(read.getChannel()).isEqualTo(Channel.WEB);
        assertThat(read.getTopic()).isEqualTo("delivery");

        var mine = feedback.listFeedback(null, null, null, 10, run, null, null, null);
        assertThat(mine.getItems()).extracting(Feedback::getId).containsExactly(id);
    }
}
