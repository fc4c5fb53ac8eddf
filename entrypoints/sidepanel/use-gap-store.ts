import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { readGapState } from '../../lib/gap-store/queries';
import { ensureGapStore } from '../../lib/gap-store/rebuild';
import type { GapState } from '../../lib/gap-store/schema';

export type GapStoreStatus =
  { status: 'loading' } | { status: 'building' } | { status: 'ready' } | { status: 'error'; message: string };

/**
 * Whether the gap store is built in `timeZone`; builds it when not. The background usually has
 * (on install and on a time-zone change), but the panel must not depend on that: a store that was
 * invalidated, or a setting changed a moment ago, is rebuilt here once, and the live query turns
 * `ready` when the rebuild commits, whichever context did it. `initialState` is the state row as
 * the panel's first read found it, used until the live query answers.
 */
export function useGapStore(timeZone: string | undefined, initialState?: GapState | null): GapStoreStatus {
  const state = useLiveQuery(
    () => readGapState().then((value) => ({ value })),
    [],
    initialState === undefined ? undefined : { value: initialState },
  );
  const requested = useRef<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = !!state?.value && state.value.timeZone === timeZone;

  useEffect(() => {
    // Built and current: a later invalidation (a range delete) may ask for another rebuild.
    if (current) requested.current = null;
    if (!timeZone || !state || current || requested.current === timeZone) return;
    requested.current = timeZone;
    ensureGapStore(timeZone).catch((reason: unknown) =>
      setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, [timeZone, state, current]);

  if (error) return { status: 'error', message: error };
  if (!timeZone || !state) return { status: 'loading' };
  return current ? { status: 'ready' } : { status: 'building' };
}
