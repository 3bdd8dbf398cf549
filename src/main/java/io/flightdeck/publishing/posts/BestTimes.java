package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;

/**
 * When a post should go out: inside the channel's posting window in its audience's time zone, on a 5-minute mark, and
 * no closer than the campaign's minimum gap to its other posts on that channel. Pure: the caller passes the times
 * already taken.
 * <p>
 * The windows start as seed 002 gives them (Facebook 13–19, Instagram 11–20, LinkedIn 8–17, X 10–14) and move to the
 * workspace's own best hours once it has enough published posts with numbers ({@link #refine}).
 */
final class BestTimes {

    /** Hours of the local day, from {@code startHour} (inclusive) to {@code endHour} (exclusive). */
    record Window(int startHour, int endHour) {

        Window {
            if (startHour < 0 || endHour > 24 || startHour >= endHour) {
                throw new IllegalArgumentException("a window is 0 ≤ start < end ≤ 24: " + startHour + "–" + endHour);
            }
        }

        int hours() {
            return endHour - startHour;
        }

        boolean contains(LocalTime t) {
            return t.getHour() >= startHour && t.getHour() < endHour;
        }
    }

    /** The average engagement of posts that went out in one local hour, and how many there were. */
    record HourStats(double engagementRate, int posts) {
    }

    /** Published posts with numbers a channel needs before its own hours replace the default window. */
    static final int POSTS_TO_REFINE = 20;
    static final int SLOT_MINUTES = 5;
    /** How far ahead a slot is looked for before giving up (a gap larger than the window can make it impossible). */
    static final int MAX_DAYS = 366;

    private BestTimes() {
    }

    static Window defaultWindow(Channel channel) {
        return switch (channel) {
            case FACEBOOK -> new Window(13, 19);
            case INSTAGRAM -> new Window(11, 20);
            case LINKEDIN -> new Window(8, 17);
            case TWITTER -> new Window(10, 14);
            case TIKTOK -> new Window(18, 22);
            case YOUTUBE -> new Window(14, 20);
            default -> new Window(9, 17);
        };
    }

    /**
     * The window of the same length as the default that holds the most engagement, once the channel has
     * {@link #POSTS_TO_REFINE} published posts with numbers; the default until then. Hours with no posts count as the
     * average of those with some, so an untried hour neither wins nor loses by default.
     */
    static Window refine(Window byDefault, Map<Integer, HourStats> byHour) {
        int posts = byHour.values().stream().mapToInt(HourStats::posts).sum();
        if (posts < POSTS_TO_REFINE) {
            return byDefault;
        }
        double mean = byHour.values().stream().filter(h -> h.posts() > 0)
                .mapToDouble(h -> h.engagementRate() * h.posts()).sum() / posts;
        int length = byDefault.hours();
        Window best = byDefault;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int start = 0; start + length <= 24; start++) {
            double score = 0;
            for (int h = start; h < start + length; h++) {
                HourStats s = byHour.get(h);
                score += s == null || s.posts() == 0 ? mean : s.engagementRate();
            }
            // ties keep the default: a window is moved only for a real difference
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && start == byDefault.startHour())) {
                bestScore = score;
                best = new Window(start, start + length);
            }
        }
        return best;
    }

    /**
     * The first slot at or after {@code earliest} inside the window (in {@code zone}) that is at least {@code gap} from
     * every taken time.
     *
     * @throws IllegalStateException when none is found within {@link #MAX_DAYS} days
     */
    static Instant next(Instant earliest, ZoneId zone, Window window, Duration gap, List<Instant> taken) {
        ZonedDateTime candidate = roundUp(earliest.atZone(zone));
        ZonedDateTime limit = candidate.plusDays(MAX_DAYS);
        while (candidate.isBefore(limit)) {
            candidate = intoWindow(candidate, window);
            Instant at = candidate.toInstant();
            Instant clash = clash(at, gap, taken);
            if (clash == null) {
                return at;
            }
            candidate = roundUp(clash.plus(gap).atZone(zone));
        }
        throw new IllegalStateException("No time within " + MAX_DAYS + " days keeps a gap of " + gap + " to the "
                + taken.size() + " posts already planned");
    }

    /** The next slot for the given time: itself inside the window, else the window's next start. */
    private static ZonedDateTime intoWindow(ZonedDateTime t, Window window) {
        LocalTime local = t.toLocalTime();
        if (window.contains(local)) {
            return t;
        }
        LocalDate day = local.getHour() < window.startHour() ? t.toLocalDate() : t.toLocalDate().plusDays(1);
        // local time: on a day whose clocks jump over the start hour, ZonedDateTime.of moves it to just after the gap
        return ZonedDateTime.of(day, LocalTime.of(window.startHour(), 0), t.getZone());
    }

    private static Instant clash(Instant at, Duration gap, List<Instant> taken) {
        Instant latest = null;
        for (Instant t : taken) {
            if (Duration.between(t, at).abs().compareTo(gap) < 0 && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    private static ZonedDateTime roundUp(ZonedDateTime t) {
        ZonedDateTime minute = t.truncatedTo(ChronoUnit.MINUTES);
        if (minute.isBefore(t)) {
            minute = minute.plusMinutes(1);
        }
        int over = minute.getMinute() % SLOT_MINUTES;
        return over == 0 ? minute : minute.plusMinutes(SLOT_MINUTES - over);
    }
}
