package io.flightdeck.content;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The current workspace's creatives to choose from in another module's picker (the email template editor's). */
public interface CreativeChoices {

    /**
     * Live creatives (not in the trash) whose title contains the words, in any case ({@code %} and {@code _} taken
     * literally), the most recently changed first; a blank query lists them all. One query for the page.
     */
    Page<CreativeChoice> search(String titleContains, Pageable page);
}
