package io.flightdeck.identity;

/**
 * Adds a module's demo content to the demo workspace on the first run. Called inside the workspace's tenant scope,
 * in {@link org.springframework.core.annotation.Order} order, once, right after identity created the workspace and
 * its members. Turned off with {@code FLIGHTDECK_DEMO=false}.
 */
public interface DemoDataContributor {

    void contribute(DemoWorkspace workspace);
}
