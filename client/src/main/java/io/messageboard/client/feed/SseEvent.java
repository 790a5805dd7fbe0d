package io.messageboard.client.feed;

/**
 * One event as an event stream dispatches it (WHATWG HTML, "Server-sent events").
 *
 * @param type the {@code event:} field, {@code message} when the event named none
 * @param data the {@code data:} lines joined with line feeds
 * @param lastEventId the stream's last event id when the event was dispatched, empty if none
 */
record SseEvent(String type, String data, String lastEventId) {}
