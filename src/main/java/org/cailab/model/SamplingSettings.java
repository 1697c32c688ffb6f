package org.cailab.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to sample. Defaults follow the paper: temperature 1, no top-p/top-k truncation, stop where the next turn of the
 * dialogue would start (human or assistant), so that a generated turn never contains a turn marker.
 *
 * @param topP          1.0 disables nucleus sampling
 * @param topK          0 disables top-k
 * @param stopSequences generation ends before the first of these (not included in the text)
 * @param seed          fixed seed for reproducible sampling, or null
 * @param priority      {@link RequestPriority#LIVE} when a person waits for the answer; pipeline work otherwise
 * @param user          who asks (users take turns; a user's live requests in flight are capped), "" for nobody
 */
public record SamplingSettings(
        double temperature,
        double topP,
        int topK,
        int maxNewTokens,
        List<String> stopSequences,
        @Nullable Long seed,
        RequestPriority priority,
        String user) {

    /** Settings for pipeline work without a user. */
    public SamplingSettings(
            double temperature,
            double topP,
            int topK,
            int maxNewTokens,
            List<String> stopSequences,
            @Nullable Long seed) {
        this(temperature, topP, topK, maxNewTokens, stopSequences, seed, RequestPriority.PIPELINE, "");
    }

    /** Where a generated assistant turn ends: at the next turn marker, human or assistant (a model may write either). */
    public static final List<String> TURN_STOPS = List.of("\n\nHuman:", "\n\nAssistant:");

    public SamplingSettings {
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (topK < 0 || maxNewTokens < 1) {
            throw new IllegalArgumentException("topK must be >= 0 and maxNewTokens >= 1");
        }
        stopSequences = List.copyOf(stopSequences);
        if (priority == null) {
            priority = RequestPriority.PIPELINE;
        }
        if (user == null) {
            user = "";
        }
    }

    public static SamplingSettings defaults() {
        return new SamplingSettings(1.0, 1.0, 0, 256, TURN_STOPS, null);
    }

    public SamplingSettings withSeed(@Nullable Long newSeed) {
        return new SamplingSettings(temperature, topP, topK, maxNewTokens, stopSequences, newSeed, priority, user);
    }

    public SamplingSettings withMaxNewTokens(int tokens) {
        return new SamplingSettings(temperature, topP, topK, tokens, stopSequences, seed, priority, user);
    }

    public SamplingSettings withStopSequences(List<String> stops) {
        return new SamplingSettings(temperature, topP, topK, maxNewTokens, stops, seed, priority, user);
    }

    /** A copy for a person waiting on the answer: served before pipeline work, in turn with other users. */
    public SamplingSettings live(String forUser) {
        return new SamplingSettings(
                temperature, topP, topK, maxNewTokens, stopSequences, seed, RequestPriority.LIVE, forUser);
    }

    /** A copy for background work on behalf of a user (a run's owner): uses the capacity live requests leave. */
    public SamplingSettings pipeline(String forUser) {
        return new SamplingSettings(
                temperature, topP, topK, maxNewTokens, stopSequences, seed, RequestPriority.PIPELINE, forUser);
    }
}
