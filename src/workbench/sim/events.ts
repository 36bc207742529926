/**
 * `OfficeExtension.EventHandlers`: registering or removing a handler is a statement of the batch,
 * effective once the batch is synced, as in Office.js.
 */
import type { RequestContext } from "./context";

export type Handler<T> = (args: T) => Promise<unknown> | unknown;

export class EventHandlerResult<T> {
  constructor(
    readonly context: RequestContext,
    private readonly handlers: EventHandlers<T>,
    private readonly handler: Handler<T>
  ) {}

  /** Queues the removal of the handler (effective at the next sync of its context). */
  remove(): void {
    this.handlers.remove(this.handler);
  }
}

export class EventHandlers<T> {
  constructor(
    private readonly context: RequestContext,
    private readonly queueAdd: (handler: Handler<T>) => void,
    private readonly queueRemove: (handler: Handler<T>) => void
  ) {}

  add(handler: Handler<T>): EventHandlerResult<T> {
    this.queueAdd(handler);
    return new EventHandlerResult(this.context, this, handler);
  }

  remove(handler: Handler<T>): void {
    this.queueRemove(handler);
  }
}
