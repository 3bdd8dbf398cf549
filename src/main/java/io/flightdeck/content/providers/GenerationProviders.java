package io.flightdeck.content.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's LLM providers, its monthly token budget and its usage. Keys are encrypted with the master key and
 * never read back out. Months are calendar months in UTC. Callers check roles (admins change these).
 */
@Service
public class GenerationProviders {

    /** @param apiKey null keeps the stored key, blank removes it */
    public record ProviderDetails(String name, ProviderKind kind, String baseUrl, String model, String apiKey,
            String azureApiVersion) {
    }

    /** This month's use against the budget. */
    public record GenerationBudget(@Nullable Long monthlyTokenBudget, long tokensUsed, YearMonth month) {

        public boolean exhausted() {
            return monthlyTokenBudget != null && tokensUsed >= monthlyTokenBudget;
        }
    }

    public record GenerationUsageLine(String provider, String model, long calls, long inputTokens, long outputTokens,
            long costMicros, long failures, long averageLatencyMs) {
    }

    private final GenerationProviderRepository providers;
    private final GenerationSettingsRepository settings;
    private final GenerationUsageRepository usage;
    private final SecretCipher cipher;
    private final Clock clock;

    GenerationProviders(GenerationProviderRepository providers, GenerationSettingsRepository settings,
            GenerationUsageRepository usage, SecretCipher cipher, Clock clock) {
        this.providers = providers;
        this.settings = settings;
        this.usage = usage;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GenerationProviderView> list() {
        return providers.findAllByName().stream().map(GenerationProvider::view).toList();
    }

    @Transactional(readOnly = true)
    public GenerationProviderView get(UUID id) {
        return find(id).view();
    }

    @Transactional
    public GenerationProviderView create(ProviderDetails details) {
        GenerationProvider provider = new GenerationProvider(CurrentActor.require().userId(), clock.instant());
        apply(provider, details, null);
        providers.save(provider);
        providers.flush();
        return provider.view();
    }

    @Transactional
    public GenerationProviderView update(UUID id, ProviderDetails details, Long expectedVersion) {
        GenerationProvider provider = find(id);
        if (expectedVersion != null && !Objects.equals(expectedVersion, provider.getVersion())) {
            throw new PreconditionFailedException(provider.getVersion());
        }
        apply(provider, details, id);
        providers.flush();
        return provider.view();
    }

    @Transactional
    public void delete(UUID id) {
        providers.delete(find(id));
    }

    /** Makes the provider the one used when none is asked for; null makes it the built-in generator again. */
    @Transactional
    public void makeDefault(UUID id) {
        Instant now = clock.instant();
        providers.findDefault().filter(p -> !p.getId().equals(id)).ifPresent(p -> p.makeDefault(false, now));
        providers.flush();
        if (id != null) {
            find(id).makeDefault(true, now);
        }
    }

    @Transactional(readOnly = true)
    public GenerationBudget budget() {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Long limit = settings.findCurrent().map(GenerationSettings::getMonthlyTokenBudget).orElse(null);
        return new GenerationBudget(limit, usage.tokensSince(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)), month);
    }

    /** @param tokens null for no limit */
    @Transactional
    public GenerationBudget setBudget(Long tokens) {
        if (tokens != null && tokens < 0) {
            throw new InvalidInputException("monthlyTokenBudget", "must be 0 or more");
        }
        GenerationSettings current = settings.findCurrent().orElseGet(() -> settings.save(new GenerationSettings(clock.instant())));
        current.budget(tokens, clock.instant());
        settings.flush();
        return budget();
    }

    @Transactional(readOnly = true)
    public List<GenerationUsageLine> summary(YearMonth month) {
        return usage.summary(start(month), start(month.plusMonths(1))).stream()
                .map(r -> new GenerationUsageLine((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue(), Math.round(((Number) r[7]).doubleValue())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<GenerationUsageView> calls(YearMonth month, Pageable pageable) {
        return usage.findBetween(start(month), start(month.plusMonths(1)), pageable).map(GenerationUsage::view);
    }

    /** The provider a request names, by id or by name; empty when it names none of the workspace's. */
    @Transactional(readOnly = true)
    Optional<ResolvedProvider> resolve(String nameOrId) {
        Optional<GenerationProvider> found;
        if (nameOrId == null || nameOrId.isBlank()) {
            found = providers.findDefault();
        } else {
            found = parse(nameOrId).flatMap(providers::findById).or(() -> providers.findByNameIgnoringCase(nameOrId.strip()));
        }
        return found.map(p -> new ResolvedProvider(p.getId(), p.getName(), p.getKind(), p.baseUrl(), p.getModel(),
                p.getApiKeyEncrypted() == null ? null : cipher.decrypt(p.getApiKeyEncrypted()), p.getAzureApiVersion()));
    }

    /** A provider ready to call, its key decrypted; never leaves the package. */
    record ResolvedProvider(UUID id, String name, ProviderKind kind, URI baseUrl, String model, String apiKey,
            String azureApiVersion) {
    }

    /** Checks every detail before any is kept, so a refusal names each wrong field at once; a taken name is a 409 after. */
    private void apply(GenerationProvider provider, ProviderDetails d, UUID id) {
        InputProblems problems = new InputProblems();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "Name the provider, e.g. Anthropic or Ollama");
        } else if (name.equalsIgnoreCase("built-in")) {
            problems.add("name", "“built-in” is the name of the offline generator: choose another");
        }
        if (d.kind() == null) {
            problems.add("kind", "Choose the API: ANTHROPIC or OPENAI_COMPATIBLE");
        }
        URI url = url(d.baseUrl(), problems);
        String model = d.model() == null ? "" : d.model().strip();
        if (model.isEmpty()) {
            problems.add("model", "Name the model, e.g. claude-sonnet-4-5 or gpt-4o-mini");
        }
        String azure = d.azureApiVersion() == null || d.azureApiVersion().isBlank() ? null : d.azureApiVersion().strip();
        if (azure != null && d.kind() != null && d.kind() != ProviderKind.OPENAI_COMPATIBLE) {
            problems.add("azureApiVersion", "Only Azure OpenAI takes an api-version: leave it empty for Anthropic");
        }
        boolean noKey = d.apiKey() == null || d.apiKey().isBlank();
        if (id == null && d.kind() == ProviderKind.ANTHROPIC && noKey) {
            problems.add("apiKey", "Anthropic needs an API key");
        }
        problems.throwIfAny("The provider");
        providers.findByNameIgnoringCase(name).filter(p -> !p.getId().equals(id)).ifPresent(p -> {
            throw new ConflictException("provider-name-taken", "Another provider is called “" + name + "”");
        });
        String key = d.apiKey() == null ? null : noKey ? "" : cipher.encrypt(d.apiKey().strip());
        provider.update(name, d.kind(), url, model, key, azure, clock.instant());
    }

    private static URI url(String raw, InputProblems problems) {
        try {
            URI url = new URI(raw == null ? "" : raw.strip());
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                problems.add("baseUrl", "Enter an http or https address, e.g. https://api.anthropic.com");
            }
            return url;
        } catch (URISyntaxException e) {
            problems.add("baseUrl", "Enter an http or https address, e.g. https://api.anthropic.com ("
                    + e.getReason() + ")");
            return null;
        }
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private GenerationProvider find(UUID id) {
        return providers.findById(id).orElseThrow(() -> new NotFoundException("Provider"));
    }
}
