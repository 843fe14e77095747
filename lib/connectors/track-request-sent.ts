import type { Dispatcher } from "undici";

type Abort = (reason?: Error) => void;

/**
 * Wraps a dispatcher so `onSent` fires when undici starts writing the request
 * to a socket: its `onConnect`/`onRequestStart` hook runs right before the
 * headers are written, unless the handler aborts inside it (an already
 * aborted signal). Until then no byte can have reached the target, which is
 * what lets a failure be classified temporary instead of ambiguous (R8).
 */
export function trackRequestSent(dispatcher: Dispatcher, onSent: () => void): Dispatcher {
  return dispatcher.compose((dispatch) => (options, handler) => dispatch(options, markOnStart(handler, onSent)));
}

function markOnStart(handler: Dispatcher.DispatchHandler, onSent: () => void): Dispatcher.DispatchHandler {
  return new Proxy(handler, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "onConnect") {
        return (abort: Abort, ...rest: unknown[]) => {
          let aborted = false;
          const trackedAbort: Abort = (reason) => {
            aborted = true;
            abort(reason);
          };
          const result: unknown = Reflect.apply(value, target, [trackedAbort, ...rest]);
          if (!aborted) onSent();
          return result;
        };
      }
      if (property === "onRequestStart") {
        return (controller: { aborted: boolean }, ...rest: unknown[]) => {
          const result: unknown = Reflect.apply(value, target, [controller, ...rest]);
          if (!controller.aborted) onSent();
          return result;
        };
      }
      // Bound to the real handler: undici's handlers keep state in private fields.
      return (...args: unknown[]) => Reflect.apply(value, target, args);
    },
  });
}
