package org.cailab.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link RunLink} leads, as data rather than a URL: the stage names a page by its route template and
 * parameters (or an API download by its path and query), and the UI builds the URL with the router, so that a
 * renamed route or a missing parameter shows up where the URL is built, not as a broken link.
 */
public sealed interface RouteTarget {

    /** The query parameters, in order (empty: none). */
    Map<String, String> query();

    /**
     * A page of this app.
     *
     * @param route      the page's route template without parameter patterns, for example {@code runs/:runId/chains}
     * @param parameters the values of the template's {@code :name} parameters
     * @param query      query parameters, for example {@code run=7}
     */
    record Page(String route, Map<String, String> parameters, Map<String, String> query) implements RouteTarget {

        public Page {
            Objects.requireNonNull(route, "route");
            parameters = copy(parameters);
            query = copy(query);
        }

        /** The page with this route and no parameters. */
        public static Page of(String route) {
            return new Page(route, Map.of(), Map.of());
        }

        /** The page of one run, whose route has the parameter {@code :runId}. */
        public static Page ofRun(String route, RunId runId) {
            return new Page(route, Map.of("runId", String.valueOf(runId.value())), Map.of());
        }

        /** This page with one more query parameter. */
        public Page withQuery(String key, Object value) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.put(key, String.valueOf(value));
            return new Page(route, parameters, more);
        }
    }

    /**
     * A file served by the app's HTTP API, for example {@code api/preference-pairs} with {@code format=jsonl}.
     *
     * @param path  relative to the application root, without a query
     * @param query query parameters, in order
     */
    record Download(String path, Map<String, String> query) implements RouteTarget {

        public Download {
            Objects.requireNonNull(path, "path");
            if (path.contains("?")) {
                throw new IllegalArgumentException("Give the query of " + path + " as parameters");
            }
            query = copy(query);
        }

        public static Download of(String path) {
            return new Download(path, Map.of());
        }

        /** This download with one more query parameter. */
        public Download withQuery(String key, Object value) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.put(key, String.valueOf(value));
            return new Download(path, more);
        }
    }

    private static Map<String, String> copy(Map<String, String> map) {
        // insertion order matters for readable URLs; Map.copyOf would scramble it
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
