package org.feedbackloop.notification.directory;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev realm's managers and owners, as the real Keycloak's admin API lists them to the directory client. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StaffDirectoryTest {

    @Inject
    StaffDirectory directory;

    @Test
    void listsTheManagersAndTheOwnersWithTheirTeams() throws Throwable {
        var staff = VertxContextSupport.subscribeAndAwait(directory::staff);

        assertThat(staff).contains(
                new StaffMember(Tokens.subjectOf("maria"), "maria", "maria@example.com", true, List.of()),
                new StaffMember(Tokens.subjectOf("olivia"), "olivia", "olivia@example.com", false, List.of("billing")),
                new StaffMember(Tokens.subjectOf("oscar"), "oscar", "oscar@example.com", false, List.of("delivery")));
        assertThat(staff).extracting(StaffMember::username).as("customers, admins and clients are not staff here")
                .doesNotContain("alice", "bob", "admin", "service-account-feedbackloop-directory");
        assertThat(staff).extracting(StaffMember::userId).doesNotHaveDuplicates();
    }
}
