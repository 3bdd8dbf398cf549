package io.flightdeck.content.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.creatives.CreativeMode;

/** The new-creative form as typed. */
record CreativeForm(String title, String topic, Set<Channel> channels, CreativeMode mode) {

    /** Every problem the form shows at once, by field, in plain words; empty when the creative can be made. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            errors.put("title", "Give the creative a title");
        } else if (title.strip().length() > 200) {
            errors.put("title", "Keep the title to 200 characters or fewer");
        }
        if (channels.isEmpty()) {
            errors.put("channels", "Choose at least one channel");
        }
        return errors;
    }
}
