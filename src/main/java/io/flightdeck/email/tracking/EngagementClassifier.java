package io.flightdeck.email.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.email.tracking.EngagementClassification.Actor;
import io.flightdeck.email.tracking.EngagementClassification.Rule;
import io.flightdeck.shared.InvalidInputException;

/**
 * Tells an open or click by a person from one made by a machine, so that rates and A/B tests count readers. The rules,
 * tried in this order (the first that applies decides, and the most specific comes first so the reason names the
 * machine):
 * <ol>
 * <li><b>Security scanner</b> ({@link Rule#SECURITY_SCANNER}): the user agent holds one of
 * {@link ClassifierSettings#scannerUserAgents}. Link-protection services (Barracuda, Proofpoint, Mimecast) fetch every
 * link of a message on arrival, typically with no open before; Office apps probe a link as Microsoft Office Protocol
 * Discovery; HTTP libraries and headless Chrome are scripts. Such a user agent marks a machine even after an open:
 * when the reader clicks a rewritten link, their own browser reaches us after the scanner's redirect, carrying its own
 * user agent, so the scanner's user agent is never the reader's.</li>
 * <li><b>Apple Mail Privacy Protection</b> ({@link Rule#APPLE_MAIL_PRIVACY_PROTECTION}), opens only: Apple's proxy
 * fetches the pixel on delivery, read or not, with the bare user agent {@code Mozilla/5.0} and nothing after it, from
 * the egress ranges of iCloud Private Relay (see {@link ClassifierSettings}). Either sign is enough. Clicks are exempt:
 * a reader using Safari with Private Relay clicks from those same ranges.</li>
 * <li><b>Prefetch at delivery</b> ({@link Rule#PREFETCH_AT_DELIVERY}): an open or click within
 * {@link ClassifierSettings#prefetchWindow} of delivery (or before it, when clocks disagree) came before anyone could
 * read the message: a receiving server or client fetched it on arrival. Skipped when the delivery time is unknown.</li>
 * <li><b>Click burst</b> ({@link Rule#CLICK_BURST}), clicks only: at least
 * {@link ClassifierSettings#burstDistinctLinks} different links of the message clicked within
 * {@link ClassifierSettings#burstWindow} of this click. A reader's click opens a page; nobody comes back and clicks
 * another link within a second. The same link clicked twice is a double click, not a burst.</li>
 * <li>Otherwise a person ({@link Rule#NO_MACHINE_SIGN}).</li>
 * </ol>
 * {@code otherEvents} are the recipient's other opens and clicks of the same message, in any order; the event itself
 * may be among them. Classifying as events arrive sees only earlier ones, so the first click of a burst reads as a
 * person until it is classified again with the clicks that followed it; the burst rule looks both ways for that reason.
 * Pure and thread-safe.
 */
public final class EngagementClassifier {

    private final ClassifierSettings settings;
    private final IpRangeSet appleProxyRanges;

    public EngagementClassifier(ClassifierSettings settings) {
        this.settings = settings;
        this.appleProxyRanges = IpRangeSet.of(settings.appleProxyRanges());
    }

    public EngagementClassifier() {
        this(ClassifierSettings.defaults());
    }

    public EngagementClassification classify(EngagementEvent event, Instant deliveredAt,
            List<EngagementEvent> otherEvents) {
        if (event == null) {
            throw new InvalidInputException("event", "There is no open or click to classify");
        }
        List<EngagementEvent> others = otherEvents == null ? List.of() : otherEvents;
        String what = event.kind() == EngagementKind.OPEN ? "An open" : "A click";

        String scanner = scannerIn(event.userAgent());
        if (scanner != null) {
            String before = event.kind() == EngagementKind.CLICK
                    ? (openedBefore(event, others) ? ", after an open" : ", with no open before it") : "";
            return machine(Rule.SECURITY_SCANNER, what + " by a security scanner or script (its user agent names "
                    + scanner + ")" + before + ".");
        }
        if (event.kind() == EngagementKind.OPEN) {
            if (event.userAgent().equals("Mozilla/5.0")) {
                return machine(Rule.APPLE_MAIL_PRIVACY_PROTECTION, "An open by Apple Mail Privacy Protection: "
                        + "Apple's proxy loads the pixel of every message it receives, read or not, with the bare user "
                        + "agent Mozilla/5.0.");
            }
            if (appleProxyRanges.contains(event.ipAddress())) {
                return machine(Rule.APPLE_MAIL_PRIVACY_PROTECTION, "An open by Apple Mail Privacy Protection: "
                        + event.ipAddress() + " is one of Apple's proxy addresses, which load the pixel of every "
                        + "message, read or not.");
            }
        }
        if (deliveredAt != null) {
            Duration sinceDelivery = Duration.between(deliveredAt, event.at());
            if (sinceDelivery.compareTo(settings.prefetchWindow()) <= 0) {
                return machine(Rule.PREFETCH_AT_DELIVERY, what + " " + (sinceDelivery.isNegative() ? "before"
                        : seconds(sinceDelivery) + " after") + " delivery, before anyone could read the message: "
                        + "a mail server or app fetched it on arrival.");
            }
        }
        if (event.kind() == EngagementKind.CLICK) {
            int links = linksClickedAround(event, others);
            if (links >= settings.burstDistinctLinks()) {
                return machine(Rule.CLICK_BURST, links + " different links of this message clicked within "
                        + seconds(settings.burstWindow()) + ": a scanner following every link; no reader clicks "
                        + "that fast.");
            }
        }
        String when = deliveredAt == null ? "" : " " + elapsed(Duration.between(deliveredAt, event.at()))
                + " after delivery,";
        return new EngagementClassification(Actor.HUMAN, Rule.NO_MACHINE_SIGN, "No sign of a machine:" + when
                + " from a user agent that is no known scanner or proxy.");
    }

    /** The scanner part the user agent holds, as configured, or null. */
    private String scannerIn(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (String part : settings.scannerUserAgents()) {
            if (lower.contains(part.toLowerCase(Locale.ROOT))) {
                return part;
            }
        }
        return null;
    }

    private static boolean openedBefore(EngagementEvent event, List<EngagementEvent> others) {
        return others.stream().anyMatch(o -> o.kind() == EngagementKind.OPEN && o.at().isBefore(event.at()));
    }

    /** Different links (this one included) clicked within the burst window of this click, either side. */
    private int linksClickedAround(EngagementEvent event, List<EngagementEvent> others) {
        Set<Integer> links = new HashSet<>();
        links.add(event.linkIndex());
        for (EngagementEvent o : others) {
            if (o.kind() == EngagementKind.CLICK
                    && Duration.between(o.at(), event.at()).abs().compareTo(settings.burstWindow()) <= 0) {
                links.add(o.linkIndex());
            }
        }
        return links.size();
    }

    private static EngagementClassification machine(Rule rule, String reason) {
        return new EngagementClassification(Actor.MACHINE, rule, reason);
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ENGLISH, "%.1f s", millis / 1000.0);
    }

    private static String elapsed(Duration d) {
        if (d.compareTo(Duration.ofMinutes(2)) < 0) {
            return seconds(d);
        }
        if (d.compareTo(Duration.ofHours(2)) < 0) {
            return d.toMinutes() + " min";
        }
        return d.compareTo(Duration.ofDays(2)) < 0 ? d.toHours() + " h" : d.toDays() + " days";
    }
}
