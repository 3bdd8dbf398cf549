/**
 * Guidance: what a campaign should do next and how likely it is to meet its objective.
 * <p>
 * So far this holds the pure core of success prediction ({@code prediction}): a transparent baseline over similar
 * past campaigns, a logistic regression trained with Smile once a workspace has enough finished campaigns, and the
 * facade that chooses between them. Gathering the features from the other modules, storing predictions and showing
 * them come later, and will add the modules they read to {@code allowedDependencies}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance", allowedDependencies = {"shared"})
package io.flightdeck.guidance;
