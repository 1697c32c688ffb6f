package org.cailab.pipeline;

/** A run type that can be started on this app, as the start form lists it. */
public record RunTypeInfo(String type, String label, String description, boolean needsPromptSet) {
}
