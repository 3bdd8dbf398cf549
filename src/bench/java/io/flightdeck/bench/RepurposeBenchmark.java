package io.flightdeck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.LongTextRepurposer;
import io.flightdeck.content.generation.RepurposeFormat;
import io.flightdeck.content.generation.RepurposedDraft;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13: a 2,012-word post ({@code src/test/resources/content/long-post.md}) into all five formats with three
 * variations each, with the built-in generator (aim: under 50 ms). The floor is reading the text once: splitting it
 * into sentences with the same {@code BreakIterator}, which any extractive repurposing has to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RepurposeBenchmark {

    private static final ContentBrief BRIEF = new ContentBrief("Spring coffees", 2, List.of("Grow newsletter sign-ups"),
            "Home brewers", List.of("Origins", "Craft"), "warm", null, "our single-origin coffee");
    private static final BrandVoice BRAND = new BrandVoice("Northwind", "warm", List.of("freshly roasted"),
            List.of("cheap"), List.of("#Northwind", "#SlowMornings"), "Northwind Coffee Ltd. Terms at northwind.example.");

    private final LongTextRepurposer repurposer = new LongTextRepurposer();
    private String post;
    private long seed;

    @Setup(Level.Trial)
    public void read() throws IOException {
        try (InputStream in = RepurposeBenchmark.class.getResourceAsStream("/content/long-post.md")) {
            post = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public List<RepurposedDraft> fiveFormatsThreeVariations() {
        return repurposer.repurpose(post, "From farm to cup", BRIEF, BRAND, EnumSet.allOf(RepurposeFormat.class), 3,
                seed++);
    }

    @Benchmark
    public int floorSentenceSplit() {
        java.text.BreakIterator it = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH);
        it.setText(post);
        int count = 0;
        while (it.next() != java.text.BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
