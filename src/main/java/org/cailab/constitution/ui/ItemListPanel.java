package org.cailab.constitution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An ordered list of a draft's principles or examples in a grid: add, edit, delete, enable/disable, and reorder by
 * dragging rows or with the arrow buttons. Works on the draft's own list and reports every change.
 *
 * @param <E> principle or example record
 */
final class ItemListPanel<E> extends VerticalLayout {

    /** Opens an editor for an item ({@code null} to add one) and hands the result back. */
    interface Editor<E> {
        void open(@Nullable E existing, Consumer<E> onApply);
    }

    private final List<E> items;
    private final Grid<E> grid = new Grid<>();
    private final boolean editable;
    private final Runnable changed;
    private final Function<E, String> name;
    private final Editor<E> editorOpener;
    private @Nullable E dragged;

    ItemListPanel(
            String id,
            String addLabel,
            List<E> items,
            Function<E, String> name,
            Editor<E> editor,
            boolean editable,
            Runnable changed) {
        this.items = items;
        this.name = name;
        this.editable = editable;
        this.changed = changed;
        setPadding(false);
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> items.indexOf(e) + 1)
                .setHeader("#")
                .setWidth("3.5em")
                .setFlexGrow(0);
        Button add = new Button(
                addLabel,
                e -> editor.open(null, item -> {
                    items.add(item);
                    refresh();
                }));
        add.setVisible(editable);
        add(add, grid);
        if (editable) {
            grid.setRowsDraggable(true);
            grid.addDragStartListener(e -> {
                dragged = e.getDraggedItems().isEmpty()
                        ? null
                        : e.getDraggedItems().getFirst();
                grid.setDropMode(GridDropMode.BETWEEN);
            });
            grid.addDragEndListener(e -> {
                dragged = null;
                grid.setDropMode(null);
            });
            grid.addDropListener(e -> e.getDropTargetItem().ifPresent(target -> drop(target, e.getDropLocation())));
        }
        this.editorOpener = editor;
    }

    ItemListPanel<E> column(String header, Function<E, String> text, int flexGrow) {
        grid.addColumn(text::apply).setHeader(header).setFlexGrow(flexGrow);
        return this;
    }

    ItemListPanel<E> enabledColumn(Predicate<E> enabled, BiFunction<E, Boolean, E> withEnabled) {
        grid.addComponentColumn(item -> {
                    Checkbox box = new Checkbox(enabled.test(item));
                    box.setReadOnly(!editable);
                    box.setAriaLabel("Enabled: " + name.apply(item));
                    box.addValueChangeListener(e -> {
                        if (e.isFromClient()) {
                            items.set(items.indexOf(item), withEnabled.apply(item, e.getValue()));
                            refresh();
                        }
                    });
                    return box;
                })
                .setHeader("Enabled")
                .setWidth("6em")
                .setFlexGrow(0);
        return this;
    }

    /** Adds the action column and shows the items; call after the other columns. */
    ItemListPanel<E> done() {
        BiConsumer<E, Integer> move = (item, by) -> {
            int from = items.indexOf(item);
            int to = from + by;
            if (to >= 0 && to < items.size()) {
                items.remove(from);
                items.add(to, item);
                refresh();
            }
        };
        grid.addComponentColumn(item -> {
                    HorizontalLayout actions = new HorizontalLayout();
                    actions.setSpacing(false);
                    actions.add(small(
                            editable ? "Edit" : "View",
                            (editable ? "Edit " : "View ") + name.apply(item),
                            () -> editorOpener.open(item, edited -> {
                                if (editable) {
                                    items.set(items.indexOf(item), edited);
                                    refresh();
                                }
                            })));
                    if (editable) {
                        actions.add(
                                small("↑", "Move up " + name.apply(item), () -> move.accept(item, -1)),
                                small("↓", "Move down " + name.apply(item), () -> move.accept(item, 1)),
                                small("Delete", "Delete " + name.apply(item), () -> {
                                    items.remove(item);
                                    refresh();
                                }));
                    }
                    return actions;
                })
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        reload();
        return this;
    }

    private void drop(E target, GridDropLocation location) {
        if (dragged == null || dragged.equals(target)) {
            return;
        }
        items.remove(dragged);
        int at = items.indexOf(target) + (location == GridDropLocation.BELOW ? 1 : 0);
        items.add(at, dragged);
        refresh();
    }

    private void refresh() {
        grid.setItems(List.copyOf(items));
        changed.run();
    }

    /** Shows the list again without reporting a change (after the draft was replaced). */
    void reload() {
        grid.setItems(List.copyOf(items));
    }

    private static Button small(String text, String label, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(label);
        return button;
    }

    static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("cailab-muted");
        return span;
    }
}
