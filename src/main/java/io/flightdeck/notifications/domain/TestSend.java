package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** “Send me a test”: one notification to the signed-in member on every channel, to check that mail reaches them. */
@Service
public class TestSend {

    private final Notifier notifier;
    private final Inbox inbox;
    private final Clock clock;

    TestSend(Notifier notifier, Inbox inbox, Clock clock) {
        this.notifier = notifier;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public NotificationView send() {
        UUID me = CurrentActor.require().userId();
        UUID id = Ids.newId();
        NotificationDraft draft = NotificationDraft.of("test:" + me + ":" + clock.instant().toEpochMilli() + ":" + id,
                NotificationTrigger.TEST_SEND, "A test notification", "/notifications/preferences",
                "You asked for a test: this one comes in the app, by email and in Slack if you linked yourself, whatever your settings.",
                "member", me, null, null);
        return inbox.get(notifier.test(me, draft));
    }
}
