package org.cailab.dashboard;

/** Stops change notices; close it when the page that subscribed goes away. */
@FunctionalInterface
public interface RatingsSubscription extends AutoCloseable {

    @Override
    void close();
}
