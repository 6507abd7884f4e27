package org.feedbackloop.action.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Where triage sends feedback of a topic: a team, and optionally the owner who gets new actions. */
@Entity
@Table(name = "routing_rule")
public class RoutingRule {

    @Id
    public String topic;

    public String team;

    @Column(name = "default_owner_id")
    public String defaultOwnerId;

    @Column(name = "default_owner_name")
    public String defaultOwnerName;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
