package io.messageboard.adapter.http.request;

/** One reason a request was refused, tied to the field, header or parameter it concerns. */
public record FieldError(String field, String reason) {}
