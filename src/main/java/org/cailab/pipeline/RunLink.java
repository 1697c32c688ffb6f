package org.cailab.pipeline;

import java.util.Objects;

/**
 * A page or download about one run that its stage offers on the run page, such as a browser of its outputs. The
 * stage says where it leads ({@link RouteTarget}); the run page builds the URL.
 *
 * @param label  the link text
 * @param target the page or download
 */
public record RunLink(String label, RouteTarget target) {

    public RunLink {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(target, "target");
    }

    /** Whether the link is a file download rather than a page. */
    public boolean download() {
        return target instanceof RouteTarget.Download;
    }
}
