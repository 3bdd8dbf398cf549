package io.flightdeck.content;

import io.flightdeck.content.generation.ContentGenerator;
import io.flightdeck.content.generation.GenerationRequest;

/** What a {@link ContentGenerator} is asked to write. */
public enum TextKind {
    /** A social post's body, without hashtags (they are their own component). */
    CAPTION,
    /** Hashtags, each with its '#', separated by spaces. */
    HASHTAGS,
    /** A short video's script: a hook, a few beats, a close with the call to action. */
    SCRIPT,
    HEADLINE,
    /** A call to action, a few words. */
    CTA,
    EMAIL_SUBJECT,
    /** An email newsletter section: a heading line, two or three short paragraphs, a call to action. */
    EMAIL_BODY,
    /** A long text turned into one post for the request's channel ({@link GenerationRequest#sourceText()}). */
    REPURPOSE,
    /**
     * A first strategy for a campaign, as a JSON object with {@code goals}, {@code targetAudience},
     * {@code contentPillars}, {@code brandTone} and {@code cadence}; the campaign's facts (type, channels, description,
     * objective) come as lines of {@link GenerationRequest#sourceText()}.
     */
    STRATEGY_DRAFT
}
