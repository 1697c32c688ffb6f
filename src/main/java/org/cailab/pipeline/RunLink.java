package org.cailab.pipeline;

import java.util.Objects;

/**
 * A page or download about one run that its stage offers on the run page, such as a browser of its outputs.
 *
 * @param label    the link text
 * @param href     relative to the application root, for example {@code runs/7/chains}
 * @param download whether the link is a file download rather than a page
 */
public record RunLink(String label, String href, boolean download) {

    public RunLink {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(href, "href");
    }
}
