package org.feedbackloop.feedback.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/**
 * A topic of the taxonomy: what it covers, sentences typical of it (feedback takes the topic it is nearest to in
 * meaning) and keywords, the fallback ({@code refund*} is a prefix, {@code credit card} a phrase).
 */
@Entity
@Table(name = "topic")
public class Topic {

    @Id
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> examples;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords;

    /** Lower wins when two topics match equally well. */
    public int position;
}
