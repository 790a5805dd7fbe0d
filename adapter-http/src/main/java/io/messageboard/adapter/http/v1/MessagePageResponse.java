package io.messageboard.adapter.http.v1;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the v1 message list; {@code next} is the URL of the next page, or null on the last
 * one.
 */
public record MessagePageResponse(List<MessageResponse> items, @Nullable String next) {}
