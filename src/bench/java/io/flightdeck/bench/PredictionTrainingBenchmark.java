package io.flightdeck.bench;

import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.guidance.prediction.PastCampaign;
import io.flightdeck.guidance.prediction.SuccessModel;
import io.flightdeck.guidance.prediction.SuccessPrediction;
import io.flightdeck.guidance.prediction.SyntheticHistory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import smile.classification.LogisticRegression;

/**
 * Issue 30: training the success model on 1,000 finished campaigns (aim: under 5 s), on one thread. {@link #train} is
 * all of {@link SuccessModel#train}: encoding and standardizing the features, the fit, and the 30 bootstrap refits that
 * give the interval. The floor, {@link #floorOneFit}, is one Smile fit of the same 1,000 × 17 standardized matrix with
 * the same settings, the least any logistic regression of this history costs; {@link #predict} is one prediction
 * from the trained model, for scale. The history is {@link SyntheticHistory} (the tests' fixture, compiled with this
 * class in the bench profile) from a fixed seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PredictionTrainingBenchmark {

    static final int CAMPAIGNS = 1_000;
    static final long SEED = 20_300L;

    List<PastCampaign> history;
    SuccessModel model;
    CampaignFeatures campaign;
    double[][] matrix;
    int[] outcomes;

    @Setup
    public void setUp() {
        // Smile's optimizer logs two info lines per fit; the application turns them off in application.properties
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("smile"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        history = SyntheticHistory.campaigns(CAMPAIGNS, SEED);
        model = SuccessModel.train(history);
        campaign = history.get(0).features();
        matrix = standardized(history);
        outcomes = history.stream().mapToInt(past -> past.metObjective() ? 1 : 0).toArray();
        System.out.printf("%n[data] %d campaigns, %d met their objective, %d columns; %s%n", history.size(),
                history.stream().filter(PastCampaign::metObjective).count(), matrix[0].length,
                model.predict(campaign).explanation());
    }

    @Benchmark
    public SuccessModel train() {
        return SuccessModel.train(history);
    }

    @Benchmark
    public double[] floorOneFit() {
        return LogisticRegression.binomial(matrix, outcomes, 1.0, 1e-5, 500).coefficients();
    }

    @Benchmark
    public SuccessPrediction predict() {
        return model.predict(campaign);
    }

    /**
     * The model's columns for this history, built here because the encoding is internal to guidance: 7 numeric
     * features (budget and creatives as logarithms), one column per channel and per named audience (every one is common
     * in the synthetic history), all standardized.
     */
    private static double[][] standardized(List<PastCampaign> history) {
        List<String> channels = SyntheticHistory.CHANNELS;
        List<String> audiences = SyntheticHistory.AUDIENCES.stream().filter(a -> a != null).toList();
        double[][] x = new double[history.size()][];
        for (int i = 0; i < x.length; i++) {
            CampaignFeatures f = history.get(i).features();
            double[] row = new double[7 + channels.size() + audiences.size()];
            row[0] = Math.log1p(f.budget());
            row[1] = f.plannedDays();
            row[2] = f.onTimeTaskShare();
            row[3] = f.approvedScopeShare();
            row[4] = Math.log1p(f.creatives());
            row[5] = f.publishedShare();
            row[6] = f.clickRate();
            for (int c = 0; c < channels.size(); c++) {
                row[7 + c] = f.channels().contains(channels.get(c)) ? 1 : 0;
            }
            for (int a = 0; a < audiences.size(); a++) {
                row[7 + channels.size() + a] = audiences.get(a).equals(f.audience()) ? 1 : 0;
            }
            x[i] = row;
        }
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / x.length;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[j] - mean) * (row[j] - mean) / x.length;
            }
            double deviation = Math.sqrt(variance);
            for (double[] row : x) {
                row[j] = (row[j] - mean) / deviation;
            }
        }
        return x;
    }
}
