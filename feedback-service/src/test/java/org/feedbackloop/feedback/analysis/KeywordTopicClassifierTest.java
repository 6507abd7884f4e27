package org.feedbackloop.feedback.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordTopicClassifierTest {

    private static final String FALLBACK = "general";
    private static final double REQUIRED_ACCURACY = 0.85;

    private static KeywordTopicClassifier classifier(TopicDefinition... topics) {
        return new KeywordTopicClassifier(new Taxonomy(List.of(topics)));
    }

    @Test
    void prefixKeywordMatchesWordsStartingWithIt() {
        var classifier = classifier(new TopicDefinition("billing", List.of("refund*")));
        assertThat(classifier.classify("Where is my refund?")).contains("billing");
        assertThat(classifier.classify("I was refunded twice")).contains("billing");
        assertThat(classifier.classify("Refunds take ages")).contains("billing");
        assertThat(classifier.classify("They said no to a rerefund")).isEmpty();
    }

    @Test
    void exactKeywordDoesNotMatchLongerWords() {
        var classifier = classifier(new TopicDefinition("product", List.of("app")));
        assertThat(classifier.classify("The app is slow")).contains("product");
        assertThat(classifier.classify("I applied for a job")).isEmpty();
    }

    @Test
    void phraseMatchesConsecutiveWordsOnly() {
        var classifier = classifier(new TopicDefinition("billing", List.of("credit card")));
        assertThat(classifier.classify("My credit card was declined")).contains("billing");
        assertThat(classifier.classify("Card payments give no credit")).isEmpty();
        assertThat(classifier.classify("I asked for credit, card in hand")).isEmpty();
    }

    @Test
    void phraseOutweighsASingleWord() {
        var classifier = classifier(
                new TopicDefinition("product", List.of("service")),
                new TopicDefinition("support", List.of("customer service")));
        assertThat(classifier.classify("Customer service was slow")).contains("support");
    }

    @Test
    void hyphenatedKeywordMatchesWithOrWithoutHyphen() {
        var classifier = classifier(new TopicDefinition("account", List.of("two-factor")));
        assertThat(classifier.classify("Two factor codes fail")).contains("account");
        assertThat(classifier.classify("two-factor codes fail")).contains("account");
    }

    @Test
    void highestScoreWins() {
        var classifier = classifier(
                new TopicDefinition("billing", List.of("invoice*")),
                new TopicDefinition("delivery", List.of("parcel*", "courier*")));
        assertThat(classifier.classify("The courier lost the parcel with my invoice")).contains("delivery");
    }

    @Test
    void tiesGoToTheEarlierTopic() {
        var billingFirst = classifier(
                new TopicDefinition("billing", List.of("invoice")),
                new TopicDefinition("delivery", List.of("parcel")));
        var deliveryFirst = classifier(
                new TopicDefinition("delivery", List.of("parcel")),
                new TopicDefinition("billing", List.of("invoice")));
        var text = "The invoice was in the parcel";
        assertThat(billingFirst.classify(text)).contains("billing");
        assertThat(deliveryFirst.classify(text)).contains("delivery");
    }

    @Test
    void overlappingKeywordsOfOneTopicCountOnce() {
        var classifier = classifier(
                new TopicDefinition("billing", List.of("refund", "refund*", "refunds")),
                new TopicDefinition("delivery", List.of("parcel", "courier")));
        assertThat(classifier.classify("refund for the parcel the courier lost")).contains("delivery");
    }

    @Test
    void noMatchIsEmpty() {
        var classifier = classifier(new TopicDefinition("billing", List.of("invoice*")));
        assertThat(classifier.classify("Keep up the good work")).isEmpty();
        assertThat(classifier.classify("")).isEmpty();
        assertThat(classifier.classify("   ")).isEmpty();
        assertThat(classifier.classify(null)).isEmpty();
        assertThat(new KeywordTopicClassifier(new Taxonomy(List.of())).classify("invoice")).isEmpty();
    }

    @Test
    void matchingIgnoresCase() {
        var classifier = classifier(new TopicDefinition("account", List.of("Password*", "log in")));
        assertThat(classifier.classify("PASSWORD RESET FAILED")).contains("account");
        assertThat(classifier.classify("I cannot Log In")).contains("account");
    }

    @Test
    void seedTaxonomyHasTheExpectedTopics() {
        var taxonomy = SeedTaxonomy.load();
        assertThat(taxonomy.topics()).extracting(TopicDefinition::name)
                .containsExactly("billing", "delivery", "product", "support", "account");
        assertThat(taxonomy.topics()).allSatisfy(topic -> {
            assertThat(topic.keywords()).hasSizeBetween(15, 40).doesNotHaveDuplicates();
            assertThat(topic.keywords()).allSatisfy(k -> assertThat(k).isEqualTo(k.toLowerCase(Locale.ROOT)));
        });
    }

    @Test
    void classifiesTheSampleAccuratelyWithTheSeedTaxonomy() {
        var classifier = new KeywordTopicClassifier(SeedTaxonomy.load());
        var samples = LabelledSample.read("analysis/topic-sample.tsv");
        var misses = new ArrayList<String>();
        for (var sample : samples) {
            var predicted = classifier.classify(sample.text()).orElse(FALLBACK);
            if (!predicted.equals(sample.label())) {
                misses.add(String.format(Locale.ROOT, "  expected %-8s got %-8s %s", sample.label(), predicted,
                        sample.text()));
            }
        }
        int correct = samples.size() - misses.size();
        double accuracy = (double) correct / samples.size();
        System.out.printf(Locale.ROOT, "Topic accuracy on %d labelled sentences: %.3f (%d/%d)%n",
                samples.size(), accuracy, correct, samples.size());
        misses.forEach(System.out::println);

        assertThat(samples).hasSizeGreaterThanOrEqualTo(40);
        assertThat(accuracy).as("topic accuracy, misclassified:%n%s", String.join("\n", misses))
                .isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }
}
