/**
 * Analytics: metric facts, what each source (publishing's posts, the email module's sends, the asset library's
 * performance imports, the bulk API) measured per object and period, kept once per key so that a source sending its
 * numbers again, or revised, replaces them rather than counting twice. Sources write through
 * {@link io.flightdeck.analytics.MetricFacts}; rollups, dashboards and reports read the facts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"shared", "campaigns", "identity", "strategy", "planning"})
package io.flightdeck.analytics;
