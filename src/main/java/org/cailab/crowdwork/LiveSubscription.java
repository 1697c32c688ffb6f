package org.cailab.crowdwork;

/** Stops a {@link LiveListener} from receiving further updates. */
@FunctionalInterface
public interface LiveSubscription extends AutoCloseable {

    @Override
    void close();
}
