package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Data of {@code feedback.erased}: words and contacts that must go from every service. Either a customer asked to
 * have their data erased ({@code REQUESTED}: everything about that person goes, their feedback stays only as counts)
 * or the retention period of some feedback's text ended ({@code RETENTION}: its words and contact go). The event
 * itself carries no personal data: the person is named by their pseudonymous id, their addresses by hashes. A large
 * erasure comes as several events of at most {@link #MAX_ITEMS} items, each with the same person and hashes.
 *
 * @param contributorId  the person ({@code sub} of their token) for {@code REQUESTED}; absent for {@code RETENTION}
 * @param feedbackIds    the feedback items whose words and contact are gone (topic, channel, rating, sentiment and
 *                       dates stay, for the counts)
 * @param addressHashes  SHA-256 (hex) of each e-mail address of the person, trimmed and lower-cased: whatever was sent
 *                       to or kept about those addresses goes too ({@code REQUESTED} only)
 * @param reason         REQUESTED or RETENTION
 * @param erasedAt       when feedback-service erased its part
 */
public record FeedbackErased(String contributorId, List<UUID> feedbackIds, List<String> addressHashes, String reason,
                             Instant erasedAt) implements EventData {

    public static final int MAX_ITEMS = 1000;
    public static final String REQUESTED = "REQUESTED";
    public static final String RETENTION = "RETENTION";

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return feedbackIds != null && erasedAt != null
                && (RETENTION.equals(reason) || REQUESTED.equals(reason) && contributorId != null && addressHashes != null);
    }

    @JsonIgnore
    public boolean isRequested() {
        return REQUESTED.equals(reason);
    }

    /** The hash an address is named by: SHA-256 (hex) of the address trimmed and lower-cased. */
    public static String hashOf(String address) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
