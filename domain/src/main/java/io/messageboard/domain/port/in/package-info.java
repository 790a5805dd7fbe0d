/** Driving ports: one use-case interface per use case. */
@NullMarked
package io.messageboard.domain.port.in;

import org.jspecify.annotations.NullMarked;
