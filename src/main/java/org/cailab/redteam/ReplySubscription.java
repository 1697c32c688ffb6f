package org.cailab.redteam;

/** Stops a {@link ReplyListener} from receiving further updates. */
@FunctionalInterface
public interface ReplySubscription extends AutoCloseable {

    @Override
    void close();
}
