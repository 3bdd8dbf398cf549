package io.flightdeck.content.generation;

import io.flightdeck.content.providers.LlmGeneration;
import org.springframework.stereotype.Service;

/**
 * The {@link ContentGenerator} every feature gets. {@code built-in} asks the offline generator; a provider's id or
 * name asks that provider; no provider asks the workspace's default one, and the built-in generator when it has none.
 * A provider the workspace does not have is refused rather than quietly answered by the built-in generator.
 */
@Service
class WorkspaceContentGenerator implements ContentGenerator {

    private final BuiltInGenerator builtIn;
    private final LlmGeneration llm;

    WorkspaceContentGenerator(BuiltInGenerator builtIn, LlmGeneration llm) {
        this.builtIn = builtIn;
        this.llm = llm;
    }

    @Override
    public GeneratedText generate(GenerationRequest request) {
        if (BuiltInGenerator.PROVIDER.equalsIgnoreCase(request.provider() == null ? "" : request.provider().strip())) {
            return builtIn.generate(request);
        }
        boolean named = request.provider() != null && !request.provider().isBlank();
        return llm.generate(request).orElseGet(() -> {
            if (named) {
                throw new GenerationFailedException("provider-not-configured", "The provider “" + request.provider()
                        + "” is not set up in this workspace; use the built-in generator or ask an admin to add it");
            }
            return builtIn.generate(request);
        });
    }
}
