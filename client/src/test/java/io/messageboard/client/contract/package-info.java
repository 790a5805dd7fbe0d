/**
 * One suite of behaviour for the driving ports, run against the in-process board, against the
 * client over a server, and against the live stack through nginx.
 */
@NullMarked
package io.messageboard.client.contract;

import org.jspecify.annotations.NullMarked;
