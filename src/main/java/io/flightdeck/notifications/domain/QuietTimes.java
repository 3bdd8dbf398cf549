package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' quiet hours and mutes: each member reads and sets their own (a window in their zone, by default their
 * profile's; a mute for a while, or none), and the notifier reads everyone's it is about to email in one query.
 * A change re-times the email the old settings held.
 */
@Service
public class QuietTimes {

    /** The longest mute: a day; longer silences are a matter for the preferences. */
    static final Duration LONGEST_MUTE = Duration.ofDays(1);

    private final QuietHoursRepository settings;
    private final NotificationDeliveryRepository deliveries;
    private final Jobs jobs;
    private final Clock clock;

    QuietTimes(QuietHoursRepository settings, NotificationDeliveryRepository deliveries, Jobs jobs, Clock clock) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The current member's quiet hours, or none set yet (in their profile's zone). */
    @Transactional(readOnly = true)
    public QuietHours mine() {
        return settings.findByMemberId(me()).map(QuietHoursSetting::hours).orElseGet(() -> new QuietHours(false,
                QuietHours.NONE.start(), QuietHours.NONE.end(), CurrentActor.require().timeZone(), null));
    }

    /** Sets the current member's window: {@code HH:mm} times and a zone name (null: their profile's zone). */
    @Transactional
    public QuietHours setWindow(boolean enabled, String start, String end, String zone) {
        LocalTime from = time("start", start);
        LocalTime to = time("end", end);
        ZoneId in;
        try {
            in = zone == null || zone.isBlank() ? CurrentActor.require().timeZone() : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "Unknown time zone; use a name such as Europe/Berlin");
        }
        if (enabled && from.equals(to)) {
            throw new InvalidInputException("end", "The quiet hours must end at another time than they start");
        }
        QuietHoursSetting setting = own();
        setting.window(enabled, from, to, in, clock.instant());
        return retime(setting.hours());
    }

    /** Mutes the current member's email for {@code minutes} from now (1 to 1,440), or ends the mute with 0. */
    @Transactional
    public QuietHours mute(int minutes) {
        if (minutes < 0 || minutes > LONGEST_MUTE.toMinutes()) {
            throw new InvalidInputException("minutes", "Mute for 1 to 1,440 minutes, or 0 to end the mute");
        }
        Instant now = clock.instant();
        QuietHoursSetting setting = own();
        setting.mute(minutes == 0 ? null : now.plus(Duration.ofMinutes(minutes)), now);
        return retime(setting.hours());
    }

    /** Each given member's quiet hours; members without any are left out (they have none). */
    @Transactional(readOnly = true)
    Map<UUID, QuietHours> of(Collection<UUID> members) {
        Map<UUID, QuietHours> hours = new HashMap<>();
        settings.findByMemberIdIn(members).forEach(s -> hours.put(s.memberId(), s.hours()));
        return hours;
    }

    /** Email the member's old settings held goes when the new ones let it: at once after a mute is ended. */
    private QuietHours retime(QuietHours hours) {
        Instant now = clock.instant();
        Instant release = hours.heldUntil(now);
        for (NotificationDelivery held : deliveries.findByRecipientIdAndStatusAndAttemptsNextAtAfter(me(),
                DeliveryStatus.QUEUED, now)) {
            held.holdUntil(release, now);
            jobs.wake(DeliveryJobs.DELIVERY, TenantScope.require(), held.getId(), release);
        }
        return hours;
    }

    private QuietHoursSetting own() {
        return settings.findByMemberId(me()).orElseGet(() -> settings.save(
                new QuietHoursSetting(me(), CurrentActor.require().timeZone(), clock.instant())));
    }

    private static UUID me() {
        return CurrentActor.require().userId();
    }

    private static LocalTime time(String field, String value) {
        try {
            LocalTime time = LocalTime.parse(value == null ? "" : value.strip());
            return time.withSecond(0).withNano(0);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "Give a time as HH:mm, such as 22:00");
        }
    }
}
