package org.cailab.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;

/**
 * One keyboard shortcut of a page: what the legend shows ({@code keys}, {@code action}) and what is registered
 * ({@code key} with its {@code modifiers}). Pages keep theirs as constants in one class, the single source for
 * registering them and for the legend.
 */
public record KeyShortcut(String keys, String action, Key key, KeyModifier... modifiers) {

    /** The value for the {@code aria-keyshortcuts} attribute. */
    public String aria() {
        return keys;
    }

    /** The shortcut's line in a {@link ShortcutLegend}. */
    public ShortcutLegend.Entry entry() {
        return new ShortcutLegend.Entry(keys, action);
    }
}
