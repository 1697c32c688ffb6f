package org.cailab.pipeline;

/** A run with its progress, as lists and the detail page show it. */
public record RunSummary(Run run, RunProgress progress) {}
