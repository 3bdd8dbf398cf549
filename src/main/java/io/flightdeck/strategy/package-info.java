/**
 * Versioned campaign strategies: platforms, goals, audience, pillars, tone, cadence and the ads configuration.
 * Every save adds a version and supersedes the previous one; old versions are read-only. Other modules read the
 * current version number through {@link io.flightdeck.strategy.StrategyDirectory} and react to
 * {@link io.flightdeck.strategy.StrategyRevised} and {@link io.flightdeck.strategy.StrategyInvalidated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Strategy", allowedDependencies = {"campaigns", "identity", "shared"})
package io.flightdeck.strategy;
