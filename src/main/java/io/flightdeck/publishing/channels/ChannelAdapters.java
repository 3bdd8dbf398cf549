package io.flightdeck.publishing.channels;

import java.util.List;
import java.util.Optional;

import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The networks this installation can post to: every {@link ChannelAdapter} bean. */
@Component
public class ChannelAdapters {

    private final List<ChannelAdapter> adapters;

    ChannelAdapters(List<ChannelAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public List<ChannelAdapter> all() {
        return adapters;
    }

    public Optional<ChannelAdapter> find(String network) {
        return adapters.stream().filter(a -> a.network().equals(network)).findFirst();
    }

    public ChannelAdapter require(String network) {
        return find(network).orElseThrow(() -> new InvalidInputException("network", "No network “" + network
                + "” here; one of " + adapters.stream().map(ChannelAdapter::network).toList()));
    }
}
