package io.flightdeck.publishing.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the calendar is narrowed to, from its query parameters: one campaign ({@code campaignId}) and one channel
 * ({@code channel}, a social network's name such as {@code linkedin}); null for any.
 */
record CalendarFilter(UUID campaignId, Channel channel) {

    static final String PATH = "/social/calendar";

    static CalendarFilter of(UUID campaignId, String channel) {
        return new CalendarFilter(campaignId, channel(channel));
    }

    private static Channel channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        for (Channel c : ChannelPagesController.SOCIAL) {
            if (c.name().equalsIgnoreCase(channel.trim())) {
                return c;
            }
        }
        throw new InvalidInputException("channel", "must be one of "
                + String.join(", ", ChannelPagesController.SOCIAL.stream().map(CalendarFilter::param).toList())
                + ", or empty for every channel.");
    }

    static String param(Channel channel) {
        return channel == null ? null : channel.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code channel} parameter's value; null for any channel. */
    public String channelParam() {
        return param(channel);
    }

    public boolean narrowed() {
        return campaignId != null || channel != null;
    }

    /** The calendar's address for a view and a date (null: today) with this filter, naming only what is set. */
    String url(String view, LocalDate date) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH).queryParam("view", view);
        if (date != null) {
            url.queryParam("date", date);
        }
        if (campaignId != null) {
            url.queryParam("campaignId", campaignId);
        }
        if (channel != null) {
            url.queryParam("channel", channelParam());
        }
        return url.build().toUriString();
    }
}
