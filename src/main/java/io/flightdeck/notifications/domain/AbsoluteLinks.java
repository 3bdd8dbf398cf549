package io.flightdeck.notifications.domain;

/** Turns an in-app path into the absolute link an email carries; the web layer knows the installation's address. */
public interface AbsoluteLinks {

    String of(String path);
}
