package io.messageboard.adapter.http.v1;

import java.util.List;

/**
 * One page of the v1 message list; {@code next} is the URL of the next page, or null on the last
 * one.
 */
public record MessagePageResponse(List<MessageResponse> items, String next) {}
