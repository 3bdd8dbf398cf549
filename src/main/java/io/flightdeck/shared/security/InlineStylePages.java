package io.flightdeck.shared.security;

import java.util.List;

/**
 * Pages that edit HTML styled inline in the page itself (the email block editor: GrapesJS draws the email, whose
 * styles are inline by nature, in a frame that inherits the page's policy, and styles its own panels with style
 * attributes). Their Content-Security-Policy allows inline styles; scripts still need our files or the nonce.
 * Declared as a bean by the module that owns them; keep the list to pages that cannot work otherwise.
 */
public record InlineStylePages(List<String> patterns) {

    public static InlineStylePages of(String... patterns) {
        return new InlineStylePages(List.of(patterns));
    }
}
