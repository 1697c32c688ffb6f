package org.cailab.model.openai;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server URL of a backend with what the client knows of it: requests in flight (least busy first), totals, and
 * whether it is taken out after failing again and again.
 */
final class Endpoint {

    /** Failures in a row after which a URL is taken out. */
    static final int FAILURES_TO_TAKE_OUT = 3;

    private final URI baseUrl;
    private final Duration takeOutFor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int failuresInARow;
    private Instant outUntil = Instant.MIN;
    private String lastError = "";

    Endpoint(URI baseUrl, Duration takeOutFor) {
        this.baseUrl = baseUrl;
        this.takeOutFor = takeOutFor;
    }

    URI baseUrl() {
        return baseUrl;
    }

    URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    int inFlight() {
        return inFlight.get();
    }

    long requests() {
        return requests.get();
    }

    long failures() {
        return failures.get();
    }

    synchronized boolean isOut(Instant now) {
        return now.isBefore(outUntil);
    }

    synchronized Instant outUntil() {
        return outUntil;
    }

    synchronized int failuresInARow() {
        return failuresInARow;
    }

    synchronized String lastError() {
        return lastError;
    }

    void started() {
        inFlight.incrementAndGet();
        requests.incrementAndGet();
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    synchronized void succeeded() {
        failuresInARow = 0;
        outUntil = Instant.MIN;
    }

    /** Records a failure; returns true when this one took the URL out. */
    synchronized boolean failed(String error, Instant now) {
        failures.incrementAndGet();
        lastError = error;
        failuresInARow++;
        if (failuresInARow >= FAILURES_TO_TAKE_OUT && !now.isBefore(outUntil)) {
            outUntil = now.plus(takeOutFor);
            return true;
        }
        return false;
    }
}
