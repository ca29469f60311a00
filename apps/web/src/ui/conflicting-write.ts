import { useState } from 'react';
import { describeError } from '../app/errors';

/**
 * The state of a form whose write may meet someone else's first (the API's CONFLICT on a version or a decision):
 * `busy` while a request runs, the `error` of the last attempt, and whether it met a `conflict`.
 */
export interface ConflictingWrite {
  readonly busy: boolean;
  readonly error: unknown;
  readonly conflict: boolean;
  /** Runs the write (and what follows its success): a CONFLICT sets `conflict`, any other failure `error`. */
  attempt(write: () => Promise<void>): Promise<void>;
  /** After a conflict, loads what the other person wrote: `conflict` ends once it is loaded; a failure is `error`. */
  reload(load: () => Promise<void>): Promise<void>;
}

export function useConflictingWrite(): ConflictingWrite {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  async function run(step: () => Promise<void>, onFailure: (caught: unknown) => void): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      onFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    error,
    conflict,
    attempt: (write) =>
      run(write, (caught) => (describeError(caught).code === 'CONFLICT' ? setConflict(true) : setError(caught))),
    reload: (load) =>
      run(async () => {
        await load();
        setConflict(false);
      }, setError),
  };
}
