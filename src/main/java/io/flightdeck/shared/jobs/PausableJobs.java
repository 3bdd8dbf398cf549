package io.flightdeck.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops this node taking jobs while its application context is paused, and lets it take them again when the context is
 * restarted. db-scheduler's scheduler is no {@code Lifecycle} of Spring's, so a paused context (the test framework
 * pauses every cached context but the one in use) would otherwise keep polling the shared database every second and
 * run other contexts' jobs with its own settings. Pausing stops the polling only: executions already running finish,
 * and heartbeats go on, so no other node takes them over as dead. At shutdown the pause comes first, so a stopping node
 * takes no new work while db-scheduler waits for what runs.
 */
@Component
class PausableJobs implements SmartLifecycle {

    private final ObjectProvider<Scheduler> scheduler;
    private volatile boolean running;

    PausableJobs(ObjectProvider<Scheduler> scheduler) {
        // looked up when used: the scheduler is built from every task bean, late
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        // on the first start the scheduler is not polling yet (it starts once the context is ready); resuming is a no-op
        scheduler.ifAvailable(Scheduler::resume);
        running = true;
    }

    @Override
    public void stop() {
        scheduler.ifAvailable(Scheduler::pause);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this node polls for due jobs now. */
    boolean polling() {
        Scheduler found = scheduler.getIfAvailable();
        return found != null && !found.getSchedulerState().isPaused();
    }
}
