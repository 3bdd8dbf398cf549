package io.flightdeck.email.tracking;

import java.time.Duration;
import java.util.List;

import io.flightdeck.shared.InvalidInputException;

/**
 * The thresholds and lists behind {@link EngagementClassifier}.
 * <ul>
 * <li>{@code prefetchWindow}: an open or click this soon after delivery is a machine (default 2 s).</li>
 * <li>{@code burstWindow} and {@code burstDistinctLinks}: this many different links clicked within this time of one
 * another is a scanner (default 2 links within 1 s).</li>
 * <li>{@code appleProxyRanges}: CIDR ranges whose opens are Apple Mail Privacy Protection. Apple publishes the egress
 * ranges of iCloud Private Relay, the infrastructure MPP fetches images through, at
 * {@code https://mask-api.icloud.com/egress-ip-ranges.csv} (linked from Apple's page Prepare your network or web
 * server for iCloud Private Relay); it has about 290,000 lines and changes often, so production should load it,
 * refreshed daily: {@link AppleProxyList} does. The default is only a handful of its IPv4 ranges, enough to
 * test the rule and catch a share of real traffic; the user-agent half of the rule does not depend on it.</li>
 * <li>{@code scannerUserAgents}: parts of a user agent, compared ignoring case, that name a security scanner, link
 * checker or HTTP library.</li>
 * </ul>
 */
record ClassifierSettings(Duration prefetchWindow, Duration burstWindow, int burstDistinctLinks,
        List<String> appleProxyRanges, List<String> scannerUserAgents) {

    /** Four ranges copied from Apple's egress list as published in 2026: a British, two American and a German one. */
    public static final List<String> DEFAULT_APPLE_PROXY_RANGES =
            List.of("172.224.226.0/27", "172.224.237.0/26", "172.225.5.0/25", "172.225.6.0/26");

    /**
     * Link-protection services that fetch every link of an incoming message (Barracuda, Proofpoint URL Defense,
     * Mimecast URL Protect), the probe Office apps send before opening a link, headless Chromium as sandboxes run it,
     * and the default user agents of common HTTP libraries and command-line tools, which no reader's browser sends.
     */
    public static final List<String> DEFAULT_SCANNER_USER_AGENTS = List.of("Barracuda", "Proofpoint", "Mimecast",
            "Microsoft Office Protocol Discovery", "HeadlessChrome", "python-requests", "python-urllib", "curl/",
            "Wget/", "Go-http-client", "Java-http-client", "Apache-HttpClient", "okhttp", "libwww-perl");

    public ClassifierSettings {
        if (prefetchWindow == null || prefetchWindow.isNegative()) {
            throw new InvalidInputException("prefetchWindow", "The prefetch window must be zero or more");
        }
        if (burstWindow == null || burstWindow.isNegative()) {
            throw new InvalidInputException("burstWindow", "The burst window must be zero or more");
        }
        if (burstDistinctLinks < 2) {
            throw new InvalidInputException("burstDistinctLinks",
                    "A burst takes at least 2 different links; it is set to " + burstDistinctLinks);
        }
        appleProxyRanges = List.copyOf(appleProxyRanges == null ? List.of() : appleProxyRanges);
        scannerUserAgents = List.copyOf(scannerUserAgents == null ? List.of() : scannerUserAgents);
        if (scannerUserAgents.stream().anyMatch(String::isBlank)) {
            // a blank part would be found in every user agent and make every reader a scanner
            throw new InvalidInputException("scannerUserAgents", "A scanner user agent part must not be blank");
        }
    }

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, DEFAULT_APPLE_PROXY_RANGES,
                DEFAULT_SCANNER_USER_AGENTS);
    }

    public ClassifierSettings withAppleProxyRanges(List<String> ranges) {
        return new ClassifierSettings(prefetchWindow, burstWindow, burstDistinctLinks, ranges, scannerUserAgents);
    }

    public ClassifierSettings withPrefetchWindow(Duration window) {
        return new ClassifierSettings(window, burstWindow, burstDistinctLinks, appleProxyRanges, scannerUserAgents);
    }
}
