package io.flightdeck.rendering.builtin;

/** A layer that cannot be drawn as asked: its text does not fit even at the smallest size, or it has nothing to show. */
class LayerFitException extends RuntimeException {

    private final String layerName;

    public LayerFitException(String layerName, String message) {
        super(message);
        this.layerName = layerName;
    }

    public String layerName() {
        return layerName;
    }
}
