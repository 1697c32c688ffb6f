package org.cailab.pipeline;

/** Level of a run log line. */
public enum RunLogLevel {
    INFO,
    WARN,
    ERROR
}
