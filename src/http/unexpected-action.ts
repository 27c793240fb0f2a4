/** Longest part of an unexpected action echoed into the log (it comes from outside). */
const MAX_ECHOED = 64;

/**
 * Authlete answered an `action` this server does not handle — a newer Authlete, or a contract
 * change. It is answered like any internal failure: a logged 500 `server_error` with no-store
 * (design.md §5: an action missing from the map is a logged 500), never an empty 200.
 */
export class UnexpectedActionError extends Error {
  override readonly name = 'UnexpectedActionError';

  constructor(
    readonly api: string,
    readonly action: string,
  ) {
    super(`Authlete ${api} answered an action this server does not handle: ${action}`);
  }
}

/**
 * The default branch of every `switch` over an Authlete `action`. Typed `never`, so the compiler
 * rejects the switch as soon as a known action lacks its `case`; at run time it throws
 * {@link UnexpectedActionError} for an action the types did not know.
 */
export function unexpectedAction(api: string, action: never): never {
  throw new UnexpectedActionError(api, String(action).slice(0, MAX_ECHOED));
}
