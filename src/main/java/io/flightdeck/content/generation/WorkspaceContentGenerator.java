package io.flightdeck.content.generation;

import io.flightdeck.content.ContentGenerator;
import io.flightdeck.content.GeneratedText;
import io.flightdeck.content.GenerationFailedException;
import io.flightdeck.content.GenerationRequest;
import org.springframework.stereotype.Service;

/**
 * The {@link ContentGenerator} every feature gets: the built-in generator, the default and today the only provider. A
 * request for another provider is refused with a clear message rather than quietly answered by the built-in one.
 */
@Service
class WorkspaceContentGenerator implements ContentGenerator {

    private final BuiltInGenerator builtIn;

    WorkspaceContentGenerator(BuiltInGenerator builtIn) {
        this.builtIn = builtIn;
    }

    @Override
    public GeneratedText generate(GenerationRequest request) {
        if (request.provider() == null || request.provider().isBlank()
                || BuiltInGenerator.PROVIDER.equals(request.provider())) {
            return builtIn.generate(request);
        }
        throw new GenerationFailedException("provider-not-configured", "The provider “" + request.provider()
                + "” is not set up in this workspace; use the built-in generator or ask an admin to add it");
    }
}
