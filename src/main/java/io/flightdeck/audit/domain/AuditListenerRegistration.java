package io.flightdeck.audit.domain;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.springframework.stereotype.Component;

/** Hooks the {@link AuditRecorder} into Hibernate once the session factory exists. */
@Component
class AuditListenerRegistration {

    AuditListenerRegistration(EntityManagerFactory entityManagerFactory, AuditRecorder recorder) {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, recorder);
        registry.appendListeners(EventType.POST_UPDATE, recorder);
        registry.appendListeners(EventType.POST_DELETE, recorder);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, recorder);
    }
}
