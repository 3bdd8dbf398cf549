package io.flightdeck.email.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import io.flightdeck.email.sending.EmailCampaignStatus;
import io.flightdeck.email.sending.EmailCampaignView;

/**
 * When a scheduled email goes, in words: one wording for the toast after scheduling, the schedule and review steps
 * and the email's page, so that they never disagree. A time in each recipient's zone is the wall-clock time they get
 * it; the send itself starts earlier, when the first zone on Earth reaches that time, which is said apart.
 */
final class ScheduleWords {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.ENGLISH);

    /** What the pages show: {@code when} is null unless the email is scheduled. */
    record When(String when, String starts) {
    }

    private ScheduleWords() {
    }

    static When of(EmailCampaignView email, ZoneId viewer) {
        if (email.status() != EmailCampaignStatus.SCHEDULED || email.scheduledAt() == null) {
            return new When(null, null);
        }
        if (email.recipientZone() && email.localTime() != null) {
            return new When(inEachZone(LocalDateTime.parse(email.localTime())), "Sending starts at "
                    + at(email.scheduledAt().atZone(viewer)) + " (" + viewer.getId()
                    + "), when the first time zone reaches that time.");
        }
        return new When(at(email.scheduledAt().atZone(viewer)) + " (" + viewer.getId() + ")", null);
    }

    static String inEachZone(LocalDateTime local) {
        return at(local) + " in each recipient's own time zone";
    }

    static String at(TemporalAccessor time) {
        return AT.format(time);
    }
}
