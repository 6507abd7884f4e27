package org.feedbackloop.feedback.taxonomy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, String> {

    public Uni<List<Topic>> inOrder() {
        return find("order by position, name").list();
    }
}
