package io.flightdeck.content.providers;

import java.time.Duration;
import java.util.Optional;

import io.flightdeck.content.generation.GeneratedText;
import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.content.TextKind;
import org.springframework.stereotype.Component;

/**
 * Writes with one of the workspace's LLM providers: refuses when the month's token budget is spent, renders the
 * versioned prompt, calls the model, cleans the answer to the same rules as the built-in generator, and records the
 * call's usage whatever came of it.
 */
@Component
public class LlmGeneration {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final GenerationProviders providers;
    private final PromptTemplates prompts;
    private final ModelClient client;
    private final UsageLedger ledger;

    LlmGeneration(GenerationProviders providers, PromptTemplates prompts, ModelClient client, UsageLedger ledger) {
        this.providers = providers;
        this.prompts = prompts;
        this.client = client;
        this.ledger = ledger;
    }

    /** Empty when the request names no provider of the workspace (then the built-in generator writes, or it is refused). */
    public Optional<String> providerNamed(String nameOrId) {
        return providers.resolve(nameOrId).map(GenerationProviders.ResolvedProvider::name);
    }

    /** @return empty when the request names no provider and the workspace has no default one */
    public Optional<GeneratedText> generate(GenerationRequest request) {
        Optional<GenerationProviders.ResolvedProvider> found = providers.resolve(request.provider());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GenerationProviders.ResolvedProvider provider = found.get();
        GenerationProviders.GenerationBudget budget = providers.budget();
        if (budget.exhausted()) {
            throw new GenerationFailedException("budget-exhausted", String.format(java.util.Locale.ROOT,
                    "This workspace has used %,d of its %,d AI tokens for %s %d; an admin can raise the budget, or use "
                            + "the built-in generator until next month", budget.tokensUsed(), budget.monthlyTokenBudget(),
                    budget.month().getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
                    budget.month().getYear()));
        }
        PromptTemplates.RenderedPrompt prompt = prompts.render(request);
        String model = request.model() != null && !request.model().isBlank() ? request.model().strip() : provider.model();
        ModelCall call = new ModelCall(provider.kind(), provider.name(), provider.baseUrl(), provider.apiKey(), model,
                prompt.system(), prompt.user(), maxTokens(request.kind()), 0.8, TIMEOUT, provider.azureApiVersion());
        ModelAnswer answer;
        try {
            answer = client.complete(call);
        } catch (GenerationFailedException e) {
            ledger.record(provider.id(), provider.name(), model, prompt.version(), request.kind(), 0, 0, 0, e.reason());
            throw e;
        }
        ledger.record(provider.id(), provider.name(), answer.model(), prompt.version(), request.kind(),
                answer.inputTokens(), answer.outputTokens(), answer.latencyMillis(), "ok");
        String text = AnswerCleanup.clean(answer.text(), request);
        if (text.isBlank()) {
            throw new GenerationFailedException("empty-answer", provider.name() + " answered nothing usable");
        }
        return Optional.of(new GeneratedText(text, provider.name(), answer.model(), prompt.version(),
                answer.inputTokens(), answer.outputTokens()));
    }

    private static int maxTokens(TextKind kind) {
        return switch (kind) {
            case HEADLINE, CTA, EMAIL_SUBJECT, HASHTAGS -> 120;
            case CAPTION, SCRIPT -> 900;
            case EMAIL_BODY, REPURPOSE, STRATEGY_DRAFT -> 1_400;
        };
    }
}
