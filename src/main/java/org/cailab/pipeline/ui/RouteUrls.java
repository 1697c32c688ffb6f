package org.cailab.pipeline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouteParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.cailab.pipeline.RouteTarget;

/**
 * Builds the URL of a {@link RouteTarget}: a page through the router (so a route that does not exist, or a missing
 * route parameter, fails here with the route's name), a download as its path with the query encoded.
 */
final class RouteUrls {

    /** A route parameter's pattern or optional/wildcard marker: {@code :runId(\d+)} is {@code :runId}. */
    private static final Pattern PARAMETER_DECORATION = Pattern.compile("(:[A-Za-z0-9_]+)[?*]?(\\([^/]*\\))?");

    private RouteUrls() {}

    /** The URL relative to the application root. */
    static String href(RouteTarget target) {
        return switch (target) {
            case RouteTarget.Page page -> withQuery(pageUrl(page), page.query());
            case RouteTarget.Download download -> withQuery(download.path(), download.query());
        };
    }

    private static String pageUrl(RouteTarget.Page page) {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        Class<? extends Component> view = routes.getAvailableRoutes().stream()
                .filter(r -> bareTemplate(r.getTemplate()).equals(page.route()))
                .map(RouteData::getNavigationTarget)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No page has the route " + page.route()));
        return page.parameters().isEmpty()
                ? routes.getUrl(view)
                : routes.getUrl(view, new RouteParameters(page.parameters()));
    }

    /** A route template without parameter patterns and markers, as {@link RouteTarget.Page#route()} names it. */
    static String bareTemplate(String template) {
        return PARAMETER_DECORATION.matcher(template).replaceAll("$1");
    }

    static String withQuery(String path, Map<String, String> query) {
        // in the stage's order (QueryParameters would reorder them), each name and value URL-encoded
        StringJoiner joined = new StringJoiner("&", path + "?", "");
        query.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v)));
        return query.isEmpty() ? path : joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
