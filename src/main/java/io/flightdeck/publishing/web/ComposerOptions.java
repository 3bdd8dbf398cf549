package io.flightdeck.publishing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.PostOption;
import io.flightdeck.publishing.channels.PostOptionsView;
import org.springframework.util.MultiValueMap;

/**
 * The composer's per-account choices for its network (a Reel or a feed post, TikTok's privacy level and switches):
 * what each account offers now, and what the form chose. A choice without a default (TikTok's privacy) must be made;
 * a switch that is greyed out stays as the network allows it.
 */
final class ComposerOptions {

    private ComposerOptions() {
    }

    /** The form field of one account's choice. */
    static String field(UUID accountId, String key) {
        return "opt_" + accountId + "_" + key;
    }

    /** What each account's network offers; accounts whose network offers nothing are left out. */
    static Map<UUID, PostOptionsView> offered(ChannelAccounts accounts, List<ChannelAccountView> postable) {
        Map<UUID, PostOptionsView> offered = new LinkedHashMap<>();
        for (ChannelAccountView a : postable) {
            if (a.network().equals(io.flightdeck.publishing.channels.SandboxChannel.NETWORK)) {
                continue; // the sandbox offers nothing, and asking costs nothing to skip
            }
            PostOptionsView view = accounts.postOptions(a.id());
            if (!view.options().isEmpty() || view.unavailable() != null) {
                offered.put(a.id(), view);
            }
        }
        return offered;
    }

    /** The account's choices as the form made them; a missing required choice is an error on its field. */
    static Map<String, String> chosen(PostOptionsView offered, MultiValueMap<String, String> form,
            Map<String, String> errors) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (offered == null) {
            return chosen;
        }
        for (PostOption option : offered.options()) {
            String field = field(offered.accountId(), option.key());
            String value = form.getFirst(field);
            if (option.kind() == PostOption.Kind.SWITCH) {
                value = option.disabled() ? option.defaultValue() : (value == null ? PostOption.OFF : PostOption.ON);
            } else if (value == null || value.isBlank()) {
                value = option.defaultValue();
                if (value == null) {
                    errors.put(field, option.label() + ": choose one.");
                    continue;
                }
            } else if (option.choices().stream().noneMatch(c -> c.value().equals(form.getFirst(field)))) {
                errors.put(field, "Choose one of the offered values.");
                continue;
            }
            if (value != null) {
                chosen.put(option.key(), value);
            }
        }
        return chosen;
    }
}
