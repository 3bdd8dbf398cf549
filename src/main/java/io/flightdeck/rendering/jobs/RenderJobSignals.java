package io.flightdeck.rendering.jobs;

import io.flightdeck.shared.live.LiveSignals;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Signals every node's render streams (on {@link #CHANNEL}, with the job's workspace) when a render job is inserted or
 * updated. Hibernate reports each write of a job, wherever in rendering it happens (the runner's steps and progress,
 * webhooks, polls, cancels, submits), inside the writing transaction, so the signal leaves with the commit and a new
 * kind of write cannot forget it.
 */
@Component
public class RenderJobSignals implements PostInsertEventListener, PostUpdateEventListener, SmartInitializingSingleton {

    /** The live-signal channel of render jobs; the payload is the workspace id. */
    public static final String CHANNEL = "render_jobs";

    private final LiveSignals live;
    private final EntityManagerFactory entityManagerFactory;

    RenderJobSignals(LiveSignals live, EntityManagerFactory entityManagerFactory) {
        this.live = live;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Once every bean exists, when waiting for Hibernate's background boot no longer holds anything up. */
    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        signal(event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        signal(event.getEntity());
    }

    private void signal(Object entity) {
        if (entity instanceof RenderJob job) {
            live.publish(CHANNEL, job.getTenantId().toString());
        }
    }
}
