package org.cailab.comparison;

/** Stops an {@link AnswerListener} from receiving further updates. */
@FunctionalInterface
public interface AnswerSubscription extends AutoCloseable {

    @Override
    void close();
}
