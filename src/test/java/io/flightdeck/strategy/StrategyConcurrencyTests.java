package io.flightdeck.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.domain.Strategies;
import io.flightdeck.strategy.domain.StrategyDetails;
import io.flightdeck.strategy.domain.StrategyView;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves racing each other on one strategy: every one succeeds, the numbers are 1..N without gaps or doubles, exactly
 * one version is current, and each version is announced once (an attempt that lost the race announces nothing).
 */
@FlightdeckTest
class StrategyConcurrencyTests {

    private static final int WRITERS = 8;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Strategies strategies;
    @Autowired
    ConfigurableApplicationContext context;

    /** Events from every thread: the test's recorded ApplicationEvents only see the test thread's. */
    private final List<StrategyRevised> revised = new CopyOnWriteArrayList<>();
    private final ApplicationListener<?> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof StrategyRevised r) {
            revised.add(r);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    @RepeatedTest(3)
    void concurrentSavesGetConsecutiveVersionsAndOneCurrent() throws Exception {
        Member owner = workspaces.workspace("Racing saves");
        List<Member> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(i % 2 == 0 ? owner : workspaces.addMember(owner, Role.CONTRIBUTOR));
        }
        StrategyRequests api = new StrategyRequests(mvc);
        UUID campaign = UUID.fromString(api.campaign(owner, "Contested", false));
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<StrategyView>> saves = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Member writer = writers.get(i);
                StrategyDetails details = new StrategyDetails(List.of(Channel.EMAIL), List.of("Goal from writer " + i),
                        null, List.of(), null, null, null, null);
                saves.add(pool.submit(() -> workspaces.as(writer, () -> {
                    await(start);
                    return strategies.save(campaign, details, null);
                })));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<StrategyView> save : saves) {
                numbers.add(save.get(60, TimeUnit.SECONDS).version());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }

        MvcTestResult list = api.fetch(owner, StrategyRequests.base(campaign.toString()) + "?size=100");
        assertThat((List<Integer>) Json.read(list, "$.items[*].version")).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat((List<Integer>) Json.read(list, "$.items[?(@.status == 'CURRENT')].version")).containsExactly(8);
        assertThat((List<String>) Json.read(list, "$.items[?(@.status == 'SUPERSEDED')].invalidationReason"))
                .containsExactly("Superseded by version 8", "Superseded by version 7", "Superseded by version 6",
                        "Superseded by version 5", "Superseded by version 4", "Superseded by version 3", "Superseded by version 2");
        assertThat((List<String>) Json.read(list, "$.items[*].goals[0]")).doesNotHaveDuplicates().hasSize(WRITERS);

        List<StrategyRevised> announced = revised.stream().filter(e -> e.campaignId().equals(campaign)).toList();
        assertThat(announced).extracting(StrategyRevised::version).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(announced).allSatisfy(e -> assertThat(e.previousVersion()).isEqualTo(e.version() == 1 ? null : e.version() - 1));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
