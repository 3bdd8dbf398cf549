package io.flightdeck.content.creatives;

/** Who wrote a creative's text (seed 000): a generator, a person, or both (an AI draft a person edited). */
public enum CreativeMode {
    AI, MANUAL, HYBRID
}
