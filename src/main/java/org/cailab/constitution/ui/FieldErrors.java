package org.cailab.constitution.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows the validator's {@code "field: message"} problems on the form fields they belong to. A field such as
 * {@code conversation[2]} or {@code rounds[0].critique} goes to the field registered under the part before the
 * first {@code [} or {@code .}; problems of unregistered fields go to the form's error line.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Span formError = new Span();

    FieldErrors() {
        formError.addClassName("cailab-error");
    }

    FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** The line under the form for problems that belong to no single field. */
    Span formError() {
        return formError;
    }

    /** Clears old errors, shows these; true when there were none. */
    boolean show(List<String> problems) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        Map<String, List<String>> byField = problems.stream()
                .collect(Collectors.groupingBy(
                        p -> fieldOf(p), LinkedHashMap::new, Collectors.mapping(p -> p, Collectors.toList())));
        StringBuilder rest = new StringBuilder();
        byField.forEach((name, messages) -> {
            HasValidation field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(
                        messages.stream().map(FieldErrors::messageOf).collect(Collectors.joining("; ")));
                field.setInvalid(true);
            } else {
                messages.forEach(m -> rest.append(rest.isEmpty() ? "" : "; ").append(m));
            }
        });
        formError.setText(rest.toString());
        return problems.isEmpty();
    }

    private static String fieldOf(String problem) {
        String field = problem.contains(": ") ? problem.substring(0, problem.indexOf(": ")) : "";
        int cut = field.length();
        for (char c : new char[] {'[', '.'}) {
            int at = field.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return field.substring(0, cut);
    }

    private static String messageOf(String problem) {
        int colon = problem.indexOf(": ");
        String field = colon < 0 ? "" : problem.substring(0, colon);
        String message = colon < 0 ? problem : problem.substring(colon + 2);
        // keep the position for list fields ("turn 3: ...")
        return field.contains("[") ? field + ": " + message : message;
    }
}
