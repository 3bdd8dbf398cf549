package io.flightdeck.audit.domain;

import java.util.List;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hooks the {@link AuditRecorder} into Hibernate while the session factory is built, as an integrator. It used to
 * unwrap the finished factory in its constructor, which made the context wait there for Hibernate and so kept
 * Hibernate's boot from running in the background (docs/benchmarks.md, start-up).
 */
@Component
class AuditListenerRegistration implements HibernatePropertiesCustomizer {

    private final AuditRecorder recorder;

    AuditListenerRegistration(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        Integrator integrator = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
                EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
                registry.appendListeners(EventType.POST_INSERT, recorder);
                registry.appendListeners(EventType.POST_UPDATE, recorder);
                registry.appendListeners(EventType.POST_DELETE, recorder);
                registry.appendListeners(EventType.POST_COLLECTION_UPDATE, recorder);
            }
        };
        hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(integrator));
    }
}
