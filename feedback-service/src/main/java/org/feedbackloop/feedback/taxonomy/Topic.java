package org.feedbackloop.feedback.taxonomy;

import org.feedbackloop.events.Lengths;
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

    /**
     * The longest topic name. A name is {@link org.feedbackloop.kit.http.QueryParams#NAME_PATTERN}: a lowercase letter,
     * then lowercase letters, digits or hyphens; the database checks it too.
     */
    public static final int MAX_NAME = Lengths.NAME;
    /**
     * The most topics the taxonomy holds, the fallback included: a taxonomy people can keep in mind, and a bound on
     * every list of topics the API returns. Creating one more is refused (409).
     */
    public static final int MAX_TOPICS = 200;
    /** The longest description; the database checks it too. */
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_EXAMPLES = 50;
    public static final int MIN_EXAMPLE = 3;
    public static final int MAX_EXAMPLE = 300;
    public static final int MAX_KEYWORDS = 200;
    /** The longest keyword, its trailing * included. */
    public static final int MAX_KEYWORD = 60;
    /** A lowercase word or phrase, optionally ending in * (a prefix); its length is checked against {@link #MAX_KEYWORD}. */
    public static final String KEYWORD_PATTERN = "^[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}' -]*\\*?$";
    public static final int MAX_POSITION = 1000;

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
