package io.messageboard.client.contract;

import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.in.WatchMessagesUseCase;

/** The driving ports one implementation of the board offers, as the contract suite drives them. */
public record DrivingPorts(
    PostMessageUseCase post,
    PostMessageOnceUseCase postOnce,
    GetMessageUseCase get,
    EditMessageUseCase edit,
    DeleteMessageUseCase delete,
    ListMessagesUseCase list,
    WatchMessagesUseCase watch) {}
