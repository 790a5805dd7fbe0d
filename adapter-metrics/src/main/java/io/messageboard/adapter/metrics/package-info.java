/** Metrics adapter: the Prometheus registry, message metrics and runtime binders. */
@NullMarked
package io.messageboard.adapter.metrics;

import org.jspecify.annotations.NullMarked;
