package org.feedbackloop.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProvisionDatabasesTest {

    @Test
    void acceptsCommaSeparatedPlainNames() {
        assertThat(ProvisionDatabases.parseNames("feedback, actions,,feedback_test,feedback"))
                .containsExactly("feedback", "actions", "feedback_test");
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> ProvisionDatabases.parseNames("feedback,drop table x"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("drop table x");
        assertThatThrownBy(() -> ProvisionDatabases.parseNames("Feedback"))
                .isInstanceOf(CommandLine.UsageException.class);
        assertThatThrownBy(() -> ProvisionDatabases.parseNames(" , "))
                .isInstanceOf(CommandLine.UsageException.class);
    }

    @Test
    void refusesAWrongCommandLine() {
        assertThatThrownBy(() -> ProvisionDatabases.run(new String[] {"jdbc:postgresql://127.0.0.1/postgres"}))
                .isInstanceOf(CommandLine.UsageException.class);
        assertThatThrownBy(() -> ProvisionDatabases.run(new String[] {"jdbc:mysql://x/y", "root", "feedback"}))
                .isInstanceOf(CommandLine.UsageException.class);
    }
}
