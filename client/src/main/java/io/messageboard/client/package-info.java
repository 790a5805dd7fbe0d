/**
 * The running service as the domain's driving ports: {@link
 * io.messageboard.client.MessageboardClient} speaks the HTTP API so that code written against the
 * in-process board runs unchanged against the service.
 */
@NullMarked
package io.messageboard.client;

import org.jspecify.annotations.NullMarked;
