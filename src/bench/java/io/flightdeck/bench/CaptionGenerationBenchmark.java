package io.flightdeck.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.content.TextKind;
import io.flightdeck.content.generation.BuiltInGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13: captions per second from the built-in generator on one thread (aim: over 2,000 on one core). Each call
 * takes another seed and rotates through networks and briefs, so no answer is reused. The floor is the least any
 * template writer does for a caption: filling the same slots of one fixed template by string replacement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:ActiveProcessorCount=1"})
public class CaptionGenerationBenchmark {

    private static final Channel[] CHANNELS = {Channel.INSTAGRAM, Channel.LINKEDIN, Channel.TWITTER, Channel.FACEBOOK,
            Channel.TIKTOK};
    private static final List<ContentBrief> BRIEFS = List.of(
            new ContentBrief("Spring coffees", 2, List.of("Drive online sales"), "Busy commuters",
                    List.of("Craft", "Sustainability"), "warm and friendly", null, "our single-origin Ethiopian roast"),
            new ContentBrief("Launch week", 1, List.of("Generate leads"), "Small business owners",
                    List.of("Education", "Product tips"), "professional", null, "the new invoicing app"),
            new ContentBrief("Summer run", 3, List.of("Grow sign-ups"), "Weekend cyclists",
                    List.of("Community"), "bold", null, "our city marathon kit"));
    private static final BrandVoice BRAND = new BrandVoice("Northwind", "warm, plain", List.of("freshly roasted"),
            List.of("cheap", "synergy"), List.of("#Northwind"), "Terms at northwind.example.");
    private static final String TEMPLATE = "Meet {topic}. Made for {audience}, with {pillar} at its heart. {cta}.\n\n{footer}";

    private final BuiltInGenerator generator = new BuiltInGenerator();
    private long seed;

    @Benchmark
    public String caption() {
        long s = seed++;
        ContentBrief brief = BRIEFS.get((int) (s % BRIEFS.size()));
        return generator.generate(new GenerationRequest(TextKind.CAPTION, CHANNELS[(int) (s % CHANNELS.length)], brief,
                BRAND, null, s, null, null)).text();
    }

    @Benchmark
    public String floorTemplateFill() {
        long s = seed++;
        ContentBrief brief = BRIEFS.get((int) (s % BRIEFS.size()));
        return TEMPLATE.replace("{topic}", brief.topic()).replace("{audience}", brief.targetAudience())
                .replace("{pillar}", brief.contentPillars().get(0)).replace("{cta}", "Shop now")
                .replace("{footer}", BRAND.legalFooter());
    }
}
