package org.feedbackloop.notification.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.domain.Notification;

import java.util.List;
import java.util.Set;

/**
 * Inbox notifications as they are committed, for the live stream (SSE). In-process: a client connected to
 * one replica sees what that replica delivered; its inbox, read through the API, holds everything.
 */
@ApplicationScoped
public class LiveStream {

    private final BroadcastProcessor<Notification> delivered = BroadcastProcessor.create();

    /** Called after the transaction that created them committed. */
    public void publish(List<Notification> created) {
        for (var notification : created) {
            if (notification.channel == Notification.Channel.IN_APP && notification.status == Notification.Status.SENT) {
                delivered.onNext(notification);
            }
        }
    }

    /** What reaches any of these inboxes from now on. */
    public Multi<Notification> of(Set<String> inboxes) {
        return delivered.filter(notification -> inboxes.contains(notification.recipient)).onOverflow().drop();
    }
}
