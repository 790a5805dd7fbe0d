package io.messageboard.domain.port.in;

/**
 * Driving ports: every use case of the message board, one accessor each; what driving adapters are
 * given, so that a new use case is one more accessor here rather than one more constructor argument
 * in every route.
 */
public interface UseCases {

  PostMessageUseCase post();

  PostMessageOnceUseCase postOnce();

  GetMessageUseCase get();

  ListMessagesUseCase list();

  ExportMessagesUseCase export();

  EditMessageUseCase edit();

  DeleteMessageUseCase delete();

  PurgeIdempotencyKeysUseCase purgeIdempotencyKeys();
}
