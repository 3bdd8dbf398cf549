package io.flightdeck.rendering;

/** What a job renders. */
public enum RenderType {
    IMAGE, VIDEO
}
