package io.flightdeck.rendering.jobs;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.flightdeck.rendering.RenderType;

/**
 * A provider whose answers a test writes in advance: each submit and each poll takes the next scripted answer. It
 * counts what it was asked, so a test can say "submitted exactly once".
 */
class ScriptedProvider implements RenderProvider {

    final Deque<Function<RenderRequest, Submission>> submits = new ArrayDeque<>();
    /** Each a ProviderStatus to answer, or a RuntimeException to throw. */
    final Deque<Object> polls = new ArrayDeque<>();
    final AtomicInteger submitted = new AtomicInteger();
    final AtomicInteger polled = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();
    final AtomicInteger lookedUp = new AtomicInteger();
    boolean inProcess;
    boolean canLookUp;
    String found;

    @Override
    public About about() {
        return new About("scripted", "Scripted", EnumSet.allOf(RenderType.class), "script-1", inProcess);
    }

    @Override
    public Submission submit(RenderRequest request) {
        submitted.incrementAndGet();
        return submits.removeFirst().apply(request);
    }

    @Override
    public ProviderStatus poll(String providerJobId) {
        polled.incrementAndGet();
        Object next = polls.removeFirst();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (ProviderStatus) next;
    }

    @Override
    public void cancel(String providerJobId) {
        cancelled.incrementAndGet();
    }

    @Override
    public boolean canLookUpSubmissions() {
        return canLookUp;
    }

    @Override
    public Optional<String> findSubmission(RenderRequest request) {
        lookedUp.incrementAndGet();
        return Optional.ofNullable(found);
    }

    static ProviderStatus succeededWith(byte[]... files) {
        List<Output> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            byte[] bytes = files[i];
            outputs.add(new Output(i == 0 ? Output.Role.PRIMARY : Output.Role.VARIANT, "size " + i, "out-" + i + ".png",
                    () -> new ByteArrayInputStream(bytes)));
        }
        return ProviderStatus.succeeded(outputs, List.of("done"));
    }
}
