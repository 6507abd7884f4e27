package org.feedbackloop.notification.stories;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one manager's or owner's digest tells of a week: the customers' most negative and most positive words, the
 * action most customers said "me too" to, the actions done, the kudos passed. Each quote names its feedback item: an
 * erasure of the item finds the quote by it.
 *
 * @param teams       the teams it covers; null for every team (a manager's)
 * @param kudosPassed how many kudos the teams got in the week; {@code kudos} quotes up to three of them
 */
public record WeekStories(Week week, List<String> teams, Story mostNegative, Story mostPositive, MeTooed mostMeTooed,
                          List<Completed> completed, long completedCount, long kudosPassed, List<Story> kudos) {

    /** A customer's words, as quoted, and where they came from; {@code team} is null while no team has them. */
    public record Story(UUID feedbackId, String quote, String topic, String channel, String team, Double sentiment) {
    }

    /** The action that most customers joined with a "me too" in the week, and the words it began with (if any left). */
    public record MeTooed(UUID actionId, String title, String team, long meToos, Story story) {
    }

    public record Completed(UUID actionId, String title, String team, String publicNote) {
    }

    /** Nothing happened in the week for these teams. */
    @JsonIgnore
    public boolean isEmpty() {
        return mostNegative == null && mostPositive == null && mostMeTooed == null && completedCount == 0
                && kudosPassed == 0;
    }

    /** The items the digest quotes. */
    public List<UUID> quotedFeedbackIds() {
        var ids = new ArrayList<UUID>();
        for (var story : stories()) {
            if (!ids.contains(story.feedbackId())) {
                ids.add(story.feedbackId());
            }
        }
        return ids;
    }

    private List<Story> stories() {
        var stories = new ArrayList<Story>();
        if (mostNegative != null) {
            stories.add(mostNegative);
        }
        if (mostPositive != null) {
            stories.add(mostPositive);
        }
        if (mostMeTooed != null && mostMeTooed.story() != null) {
            stories.add(mostMeTooed.story());
        }
        stories.addAll(kudos);
        return stories;
    }
}
