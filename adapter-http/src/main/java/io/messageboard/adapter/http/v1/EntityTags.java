package io.messageboard.adapter.http.v1;

import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.domain.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Entity tags of messages ({@code "<version>"}) and the conditional headers that carry them (RFC
 * 9110).
 */
final class EntityTags {

  /** A version no message has: what a tag that cannot match stands for. */
  private static final long NO_VERSION = 0;

  private static final Pattern TAG =
      Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"\\s*(,|$)");
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private record Tag(boolean weak, String opaque) {}

  private EntityTags() {}

  static String of(Message message) {
    return "\"" + message.version() + "\"";
  }

  /**
   * The version an {@code If-Match} header requires; empty when there is no header or it is {@code
   * *}. Weak or foreign tags never match under the strong comparison If-Match uses, so they require
   * a version no message has.
   */
  static OptionalLong requiredVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    List<Tag> tags = parse("If-Match", ifMatch);
    if (tags.size() != 1) {
      throw RequestRejectedException.malformed(
          "If-Match", "must be one entity tag, as sent in ETag, or *");
    }
    Tag tag = tags.get(0);
    if (tag.weak() || !VERSION.matcher(tag.opaque()).matches()) {
      return OptionalLong.of(NO_VERSION);
    }
    return OptionalLong.of(Long.parseLong(tag.opaque()));
  }

  /**
   * Whether an {@code If-None-Match} header matches the message's current tag (weak comparison).
   */
  static boolean noneMatchHits(@Nullable String ifNoneMatch, Message message) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    String current = Long.toString(message.version());
    return parse("If-None-Match", ifNoneMatch).stream()
        .anyMatch(tag -> tag.opaque().equals(current));
  }

  private static List<Tag> parse(String header, String value) {
    List<Tag> tags = new ArrayList<>();
    Matcher matcher = TAG.matcher(value);
    int position = 0;
    while (position < value.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        throw RequestRejectedException.malformed(
            header, "must be a list of quoted entity tags or *");
      }
      tags.add(new Tag(matcher.group(1) != null, matcher.group(2)));
      position = matcher.end();
    }
    if (tags.isEmpty()) {
      throw RequestRejectedException.malformed(header, "must be a list of quoted entity tags or *");
    }
    return tags;
  }
}
