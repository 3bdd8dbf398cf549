package io.flightdeck.email.contacts;

import java.util.UUID;

/** A list a contact is on ({@code member}) or has left, as their preference centre shows it. */
public record ContactListMembership(UUID listId, String name, boolean member) {
}
