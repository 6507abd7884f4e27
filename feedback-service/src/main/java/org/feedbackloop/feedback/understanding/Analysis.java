package org.feedbackloop.feedback.understanding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.events.FeedbackUpdated;
import org.feedbackloop.events.ProblemVector;
import org.feedbackloop.feedback.analysis.FeedbackSpace;
import org.feedbackloop.feedback.analysis.SentimentLabel;
import org.feedbackloop.feedback.analysis.TextAnalyzer;
import org.feedbackloop.feedback.analysis.TopicMatcher;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.TopicSource;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;
import org.feedbackloop.kit.outbox.OutboxWriter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the sentence model makes of one item, and how that is stored and announced: the first reading of new
 * feedback ({@code feedback.received}), and a later one after the taxonomy changed or for feedback stored
 * before the model ({@code feedback.updated}, only when something changed).
 */
@ApplicationScoped
public class Analysis {

    /** The columns {@link Item#of} reads. */
    static final String ITEM_COLUMNS = """
            f.id, f.text, f.channel, f.rating_scale, f.rating_score, f.topic, f.topic_source, f.sentiment, f.contributor_id,
            f.contact_email, f.consent_to_contact, f.external_ref, f.created_at, f.follow_up_of_action, f.joins_action,
            f.traceparent, f.status, f.action_id, f.embedding, f.sentiment_label, f.silent, f.import_id""";

    private final OutboxWriter outbox;
    private final ObjectMapper json;

    Analysis(OutboxWriter outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** An item as stored, with what was read of it so far. */
    record Item(UUID id, String text, String channel, String ratingScale, Integer ratingScore, String topic,
                TopicSource topicSource, double sentiment, String contributorId, String contactEmail,
                boolean consentToContact, String externalRef, Instant createdAt, UUID followUpOfAction,
                UUID joinsAction, String traceparent, String status, UUID actionId, float[] embedding,
                String sentimentLabel, boolean silent, boolean imported) {

        static Item of(ResultSet row) throws SQLException {
            return new Item(row.getObject("id", UUID.class), row.getString("text"), row.getString("channel"),
                    row.getString("rating_scale"), (Integer) row.getObject("rating_score"), row.getString("topic"),
                    TopicSource.valueOf(row.getString("topic_source")), row.getDouble("sentiment"),
                    row.getString("contributor_id"), row.getString("contact_email"), row.getBoolean("consent_to_contact"),
                    row.getString("external_ref"), row.getTimestamp("created_at").toInstant(),
                    row.getObject("follow_up_of_action", UUID.class), row.getObject("joins_action", UUID.class),
                    row.getString("traceparent"), row.getString("status"), row.getObject("action_id", UUID.class),
                    floats(row.getArray("embedding")), row.getString("sentiment_label"), row.getBoolean("silent"),
                    row.getObject("import_id") != null);
        }

        /** The sentiment label people saw before this reading. */
        SentimentLabel shownLabel() {
            return sentimentLabel != null ? SentimentLabel.valueOf(sentimentLabel) : SentimentLabel.of(sentiment);
        }
    }

    /**
     * What was read.
     *
     * @param embedding the model's vector, or null when this reading did not compute a new one
     * @param problem   the problem vector, when {@code embedding} is new
     */
    record Result(Item item, String topic, TopicSource topicSource, double sentiment, SentimentLabel label,
                  List<TextAnalyzer.Part> parts, float[] embedding, float[] problem) {

        boolean changedTopic() {
            return !topic.equals(item.topic());
        }

        boolean changedSentiment() {
            return sentiment != item.sentiment() || label != item.shownLabel();
        }
    }

    /** The first reading of new feedback: vector, sentiment of the whole and each part, topic. CPU-bound. */
    Result first(Item item, TextAnalyzer analyzer, TopicMatcher topics) {
        var reading = analyzer.read(item.text());
        var topic = topicOf(item, reading.centred(), topics);
        return new Result(item, topic.name(), topic.source(), reading.sentiment(), reading.label(), reading.parts(),
                reading.vector(), reading.problem());
    }

    /** A reading again: the topic from the stored vector; everything from the text if the item has no vector yet. */
    Result again(Item item, TextAnalyzer analyzer, TopicMatcher topics) {
        if (item.embedding() == null) {
            return first(item, analyzer, topics);
        }
        var space = analyzer.space();
        var topic = topicOf(item, space.centred(item.embedding()), topics);
        return new Result(item, topic.name(), topic.source(), item.sentiment(), item.shownLabel(), null, null, null);
    }

    /** Stores the first reading and announces the item; false when another worker already did. */
    boolean storeFirst(Connection connection, Result result) throws SQLException {
        var item = result.item();
        var now = AnalysisWorker.now();
        try (var statement = connection.prepareStatement("""
                update feedback set topic = ?, topic_source = ?, sentiment = ?, sentiment_label = ?,
                    sentiment_parts = cast(? as jsonb), embedding = ?, analysed_at = ?, analysis_lease_until = null,
                    updated_at = ?, version = version + 1
                where id = ? and analysed_at is null""")) {
            bindReading(connection, statement, result);
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setTimestamp(8, Timestamp.from(now));
            statement.setObject(9, item.id());
            if (statement.executeUpdate() == 0) {
                return false;
            }
        }
        var rating = item.ratingScale() == null ? null : new FeedbackReceived.Rating(item.ratingScale(), item.ratingScore());
        outbox.add(connection, EventTypes.FEEDBACK_RECEIVED, item.id().toString(), new FeedbackReceived(item.id(),
                item.contributorId(), item.consentToContact() ? item.contactEmail() : null, item.consentToContact(),
                item.channel(), item.text(), result.topic(), result.sentiment(), rating, item.externalRef(),
                item.createdAt(), item.followUpOfAction(), item.joinsAction(), result.label().name(),
                new ProblemVector(FeedbackSpace.PROBLEM_SPACE, result.problem()), item.silent() ? true : null),
                item.traceparent());
        if (result.changedTopic() || result.label() != item.shownLabel()) {
            outbox.add(connection, EventTypes.FEEDBACK_UPDATED, item.id().toString(), new FeedbackUpdated(item.id(),
                    item.contributorId(), item.status(), item.actionId(), now, result.topic(), result.sentiment(),
                    result.label().name(), null), item.traceparent());
        }
        return true;
    }

    /**
     * Stores a reading again when it changed something, and announces what changed; false when nothing did.
     */
    boolean storeAgain(Connection connection, Result result) throws SQLException {
        boolean newVector = result.embedding() != null;
        if (!newVector && !result.changedTopic() && !result.changedSentiment()) {
            return false;
        }
        var item = result.item();
        var now = AnalysisWorker.now();
        String status;
        UUID actionId;
        try (var statement = connection.prepareStatement("""
                update feedback set topic = ?, topic_source = ?, sentiment = ?, sentiment_label = ?,
                    sentiment_parts = coalesce(cast(? as jsonb), sentiment_parts), embedding = coalesce(?, embedding),
                    updated_at = ?, version = version + 1
                where id = ?
                returning status, action_id""")) {
            bindReading(connection, statement, result);
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setObject(8, item.id());
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false; // erased meanwhile
                }
                status = rows.getString(1);
                actionId = rows.getObject(2, UUID.class);
            }
        }
        outbox.add(connection, EventTypes.FEEDBACK_UPDATED, item.id().toString(), new FeedbackUpdated(item.id(),
                item.contributorId(), status, actionId, now,
                result.changedTopic() ? result.topic() : null,
                result.changedSentiment() ? result.sentiment() : null,
                result.changedSentiment() ? result.label().name() : null,
                newVector ? new ProblemVector(FeedbackSpace.PROBLEM_SPACE, result.problem()) : null), null);
        return true;
    }

    private void bindReading(Connection connection, java.sql.PreparedStatement statement, Result result) throws SQLException {
        statement.setString(1, result.topic());
        statement.setString(2, result.topicSource().name());
        statement.setDouble(3, result.sentiment());
        statement.setString(4, result.label().name());
        statement.setString(5, partsJson(result.parts()));
        if (result.embedding() == null) {
            statement.setNull(6, Types.ARRAY);
        } else {
            statement.setArray(6, connection.createArrayOf("real", boxed(result.embedding())));
        }
    }

    private record Topic(String name, TopicSource source) {
    }

    private static Topic topicOf(Item item, float[] centred, TopicMatcher topics) {
        if (item.topicSource() == TopicSource.PROVIDED) {
            return new Topic(item.topic(), TopicSource.PROVIDED);
        }
        return topics.match(centred, item.text())
                .map(match -> new Topic(match.topic(), match.byMeaning() ? TopicSource.MEANING : TopicSource.CLASSIFIED))
                .orElse(new Topic(TopicCatalog.FALLBACK, TopicSource.FALLBACK));
    }

    /** The parts of a text of several parts, as stored and shown: start, end and sentiment of each. */
    private String partsJson(List<TextAnalyzer.Part> parts) {
        if (parts == null || parts.size() < 2) {
            return null;
        }
        try {
            return json.writeValueAsString(new Feedback.SentimentParts(parts.stream()
                    .map(p -> new Feedback.SentimentPart(p.start(), p.end(), p.sentiment())).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Float[] boxed(float[] vector) {
        var boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }

    static float[] floats(java.sql.Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        var values = (Object[]) array.getArray();
        var vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) Objects.requireNonNull(values[i])).floatValue();
        }
        return vector;
    }
}
