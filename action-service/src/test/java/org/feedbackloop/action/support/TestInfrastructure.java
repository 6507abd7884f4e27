package org.feedbackloop.action.support;

import org.feedbackloop.testkit.ServiceTestInfrastructure;

import java.util.List;

/** The tests' infrastructure: a backlog of other modules' feedback would be triaged ahead of the tests' own. */
public class TestInfrastructure extends ServiceTestInfrastructure {

    public TestInfrastructure() {
        super(List.of("action-service.feedback-service"));
    }
}
