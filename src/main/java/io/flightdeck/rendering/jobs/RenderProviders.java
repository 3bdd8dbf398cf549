package io.flightdeck.rendering.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Every {@link RenderProvider} bean, by name. */
@Component
class RenderProviders {

    private final List<RenderProvider> providers;
    private final RenderingProperties properties;

    RenderProviders(List<RenderProvider> providers, RenderingProperties properties) {
        this.providers = providers.stream().sorted(Comparator.comparing(RenderProvider::name)).toList();
        this.properties = properties;
    }

    public List<RenderProvider> all() {
        return providers;
    }

    public Optional<RenderProvider> find(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    RenderProvider require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("No render provider " + name));
    }

    /** The provider for a new job: the named one, checked, or the configured default for the type. */
    RenderProvider choose(String name, RenderType type) {
        String wanted = name == null || name.isBlank()
                ? (type == RenderType.IMAGE ? properties.defaultImageProvider() : properties.defaultVideoProvider())
                : name.strip();
        RenderProvider provider = find(wanted).orElseThrow(() -> new InvalidInputException("provider",
                "no provider " + wanted + "; choose one of " + providers.stream().map(RenderProvider::name).toList()));
        if (!provider.canRender(type)) {
            throw new InvalidInputException("provider", provider.displayName() + " does not render "
                    + type.name().toLowerCase() + "s");
        }
        if (!provider.available()) {
            throw new InvalidInputException("provider", provider.displayName()
                    + " is not configured on this installation (no API token)");
        }
        return provider;
    }
}
