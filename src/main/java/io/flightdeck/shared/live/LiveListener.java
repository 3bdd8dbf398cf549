package io.flightdeck.shared.live;

/** Hears the signals of one channel on this node (see {@link LiveSignals}). */
public interface LiveListener {

    /** Something changed: the payload names what (an id), and the listener reads the rest from the database. */
    void signalled(String payload);

    /** Signals may have been missed (the node had no listening connection for a while): re-read whatever is shown. */
    default void resync() {
    }
}
