package io.flightdeck.rendering.web;

import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Signals every node's {@link RenderStream} when a render job is inserted or updated. Hibernate reports each write of
 * a job, wherever in rendering it happens (the runner's steps and progress, webhooks, polls, cancels, submits), inside
 * the writing transaction, so the signal leaves with the commit and a new kind of write cannot forget it. The job's
 * entity is internal to rendering's jobs package, so it is recognised here by its name.
 */
@Component
class RenderJobSignals implements PostInsertEventListener, PostUpdateEventListener, SmartInitializingSingleton {

    static final String RENDER_JOB = RenderJobs.class.getPackageName() + ".RenderJob";

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
        signal(event.getPersister(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        signal(event.getPersister(), event.getEntity());
    }

    private void signal(EntityPersister persister, Object entity) {
        if (RENDER_JOB.equals(persister.getEntityName()) && entity instanceof TenantOwnedEntity job) {
            live.publish(RenderStream.CHANNEL, job.getTenantId().toString());
        }
    }
}
