package org.cailab.comparison;

/** One finished turn of a conversation: what the worker wrote and the answer they picked. */
public record Exchange(String humanMessage, String answer) {}
