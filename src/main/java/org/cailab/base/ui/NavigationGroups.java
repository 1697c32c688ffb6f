package org.cailab.base.ui;

import java.util.List;

/**
 * The groups of the side navigation, by the {@code order} of a view's {@code @Menu}: a view declares its group by
 * the hundred its order falls in. Orders below 100 and from 900 on stand alone (Home, Account).
 */
enum NavigationGroups {
    CROWDWORK("Crowdwork", 100, 199),
    PIPELINE("Pipeline", 200, 299),
    INFERENCE("Inference", 300, 399),
    ANALYSIS("Analysis", 400, 499),
    ACCESS("Access", 800, 899);

    private final String label;
    private final int from;
    private final int to;

    NavigationGroups(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    String label() {
        return label;
    }

    boolean contains(double order) {
        return order >= from && order <= to;
    }

    static List<NavigationGroups> all() {
        return List.of(values());
    }
}
