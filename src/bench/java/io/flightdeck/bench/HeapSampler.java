package io.flightdeck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.management.GcInfo;

/**
 * The heap of this JVM sampled every 250 ms while a benchmark runs (the platform MXBeans, the same figures JMX and
 * /actuator/metrics/jvm.memory.used give): the heap in use, which rises and falls with every young collection, and
 * the heap left after the last collection, which only grows if something is kept. A send whose memory stays flat
 * shows the second level from its first quarter to its end.
 */
final class HeapSampler {

    private record Sample(long millis, long used, long afterGc) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Path csv;
    private final Thread thread;
    private final long start = System.currentTimeMillis();
    private volatile boolean running = true;

    private HeapSampler(Path csv) {
        this.csv = csv;
        this.thread = new Thread(this::run, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start(Path csv) {
        HeapSampler sampler = new HeapSampler(csv);
        sampler.thread.start();
        return sampler;
    }

    private void run() {
        while (running) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long afterGc = afterLastGc();
            synchronized (samples) {
                samples.add(new Sample(System.currentTimeMillis() - start, used, afterGc));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The heap after the latest collection of any collector. Not the pools' collection usage: G1 updates its old
     * generation's only after mixed and full collections, so a run with young collections alone would read 0.
     */
    private static long afterLastGc() {
        List<String> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        GcInfo latest = null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            GcInfo info = gc instanceof com.sun.management.GarbageCollectorMXBean sun ? sun.getLastGcInfo() : null;
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                latest = info;
            }
        }
        if (latest == null) {
            return 0;
        }
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            sum += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
        }
        return sum;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        StringBuilder text = new StringBuilder("ms,used_bytes,after_gc_bytes\n");
        for (Sample s : samples) {
            text.append(s.millis()).append(',').append(s.used()).append(',').append(s.afterGc()).append('\n');
        }
        try {
            Files.writeString(csv, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak in use, and the heap after collections at the end of each quarter of the run, in MB. */
    String summary() {
        if (samples.isEmpty()) {
            return "not sampled";
        }
        long peak = samples.stream().mapToLong(Sample::used).max().orElse(0);
        StringBuilder quarters = new StringBuilder();
        for (int q = 1; q <= 4; q++) {
            Sample s = samples.get(Math.max(0, samples.size() * q / 4 - 1));
            quarters.append(q == 1 ? "" : " / ").append(mb(s.afterGc()));
        }
        long maxAfter = samples.stream().mapToLong(Sample::afterGc).max().orElse(0);
        return String.format("peak in use %d MB; after GC at each quarter %s MB (highest %d MB), %d samples",
                mb(peak), quarters, mb(maxAfter), samples.size());
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
