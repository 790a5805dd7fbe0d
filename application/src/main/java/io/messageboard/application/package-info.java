/** Use-case services implementing the driving ports with the driven ports. */
@NullMarked
package io.messageboard.application;

import org.jspecify.annotations.NullMarked;
