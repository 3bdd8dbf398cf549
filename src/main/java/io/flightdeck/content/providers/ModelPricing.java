package io.flightdeck.content.providers;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** What a call cost at the model's list price ({@code content/model-prices.properties}), in micro-dollars. */
@Component
class ModelPricing {

    private final Map<String, BigDecimal[]> prices = new TreeMap<>();

    public ModelPricing() {
        Properties p = new Properties();
        try (InputStream in = ModelPricing.class.getResourceAsStream("/content/model-prices.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read model prices", e);
        }
        p.forEach((model, price) -> {
            String[] parts = price.toString().split(",");
            prices.put(model.toString(), new BigDecimal[] {new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip())});
        });
    }

    public long costMicros(String model, int inputTokens, int outputTokens) {
        if (model == null) {
            return 0;
        }
        return prices.entrySet().stream().filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                // dollars per million tokens is micro-dollars per token
                .map(e -> e.getValue()[0].multiply(BigDecimal.valueOf(inputTokens))
                        .add(e.getValue()[1].multiply(BigDecimal.valueOf(outputTokens)))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact())
                .orElse(0L);
    }
}
