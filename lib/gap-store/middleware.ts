import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { AggregateCell } from '../gap';
import { cellOfRow, planChanges, touchedCellKeys, type GapStorePlan, type TicketChange } from './plan';
import {
  GAP_STATE_ID,
  GAP_STORE_TABLES,
  GAP_STORE_VERSION,
  RAW_TABLES,
  gapStateSchema,
  type GapCellRow,
  type GapState,
  type RawTable,
} from './schema';
import { recordsAfterWrite } from './replay';
import { entryOfTicket, type TicketRecords } from './ticket-entry';

/**
 * Keeps the gap store current on every write to `assessments` and `csatRatings`, whoever writes:
 * the background saving an assessment, the sync engine upserting a page of ratings, a connection's
 * ratings being deleted, an erase. One mechanism in lib/db instead of calls sprinkled over callers,
 * so a new writer cannot forget it.
 *
 * How: a Dexie DBCore middleware (https://dexie.org/docs/DBCore/DBCore). Every read-write
 * transaction that includes a raw table also gets the other raw table (a rating's effect depends on
 * the ticket's assessment, and the other way round) and the gap tables in its scope, so the derived rows
 * are written in the same IndexedDB transaction as the raw write: both commit or neither does.
 * For each raw mutation it reads the touched tickets' records before and after, and applies the
 * difference to the aggregate cells, the ticket rows and the reveal log (plan.ts).
 *
 * While the store is not built (no state row: a fresh install, an upgrade, or after an
 * invalidation) writes pass straight through; the next reader rebuilds from the raw tables.
 * A range delete (`clear()`) invalidates instead of diffing: it may touch everything.
 */

const RAW = new Set<string>(RAW_TABLES);

/*
 * Everything below chains Dexie's own promises with `.then` instead of `async`/`await`: a callback
 * given to a Dexie promise's `then` runs in the transaction's zone, a native continuation may not,
 * and the middlewares below this one (observability, hooks) read the current transaction from that
 * zone. Dexie's own middlewares are written the same way.
 */
const { Promise: DexiePromise } = Dexie;

/** Mutations of one transaction run one after another: two concurrent read-modify-writes of a cell would lose one. */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function serialized<T>(trans: DBCoreTransaction, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(trans) ?? DexiePromise.resolve();
  const next = previous.then(run, run);
  queues.set(
    trans,
    next.catch(() => undefined),
  );
  return next;
}

/** Reads the state row; anything but a valid current-version row means "not built". */
function readState(core: DBCore, trans: DBCoreTransaction): Promise<GapState | null> {
  return core
    .table('gapState')
    .get({ trans, key: GAP_STATE_ID })
    .then((raw: unknown) => {
      const parsed = gapStateSchema.safeParse(raw);
      return parsed.success && parsed.data.version === GAP_STORE_VERSION ? parsed.data : null;
    });
}

/** Forgets the store; readers rebuild it from the raw tables (rebuild.ts). */
function invalidate(core: DBCore, trans: DBCoreTransaction): Promise<unknown> {
  return core.table('gapState').mutate({ type: 'delete', trans, keys: [GAP_STATE_ID] });
}

const ticketKeyOf = (value: unknown): string | null => {
  const key = (value as { ticketKey?: unknown } | null)?.ticketKey;
  return typeof key === 'string' ? key : null;
};

type KeyedMutation = Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>;

/** The ticket keys a mutation of a raw table can change, including the old key of a rating moved to another ticket. */
function touchedTickets(table: DBCoreTable, req: KeyedMutation): Promise<string[]> {
  const keys = new Set<string>();
  const done = () => {
    keys.delete('');
    return [...keys];
  };
  if (req.type !== 'delete') for (const value of req.values) keys.add(ticketKeyOf(value) ?? '');
  if (table.name === 'assessments') {
    if (req.type === 'delete') for (const key of req.keys) keys.add(String(key));
    return DexiePromise.resolve(done());
  }
  const ids =
    req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value) => (value as { id?: unknown } | null)?.id));
  return table.getMany({ trans: req.trans, keys: ids.filter((id) => id !== undefined) }).then((stored) => {
    for (const record of stored) keys.add(ticketKeyOf(record) ?? '');
    return done();
  });
}

/** Every raw record of the given tickets, as stored right now in this transaction. */
function readTickets(
  core: DBCore,
  trans: DBCoreTransaction,
  ticketKeys: string[],
): Promise<Map<string, TicketRecords>> {
  const ratingsTable = core.table('csatRatings');
  const byTicket = ratingsTable.schema.getIndexByKeyPath('ticketKey');
  if (!byTicket) throw new Error('csatRatings has no ticketKey index');
  const ratings = ticketKeys.map((key) =>
    ratingsTable
      .query({
        trans,
        values: true,
        query: { index: byTicket, range: { type: 1 /* Equal */, lower: key, upper: key } },
      })
      .then((response) => response.result),
  );
  return DexiePromise.all([
    core.table('assessments').getMany({ trans, keys: ticketKeys }),
    DexiePromise.all(ratings),
  ]).then(
    ([assessments, ratingLists]) =>
      new Map(ticketKeys.map((key, i) => [key, { assessment: assessments[i], ratings: ratingLists[i]! }])),
  );
}

function changesBetween(
  keys: string[],
  before: Map<string, TicketRecords>,
  after: Map<string, TicketRecords>,
): TicketChange[] {
  return keys.map((ticketKey) => ({
    ticketKey,
    before: entryOfTicket(ticketKey, before.get(ticketKey)!),
    after: entryOfTicket(ticketKey, after.get(ticketKey)!),
  }));
}

/**
 * Reads the touched cells and writes the plan: cells, ticket rows and reveals. When the plan cannot
 * be made (the store disagrees with the raw records: a bug, or a raw write that bypassed Dexie),
 * the agent's save still goes through and the store is forgotten; the next reader rebuilds it.
 */
function applyChanges(
  core: DBCore,
  trans: DBCoreTransaction,
  state: GapState,
  changes: TicketChange[],
  revealedAt: string | null,
): Promise<unknown> {
  const cellsTable = core.table('gapCells');
  const keys = touchedCellKeys(changes, state.timeZone);
  return cellsTable.getMany({ trans, keys }).then((stored: (GapCellRow | undefined)[]) => {
    const cells = new Map<string, AggregateCell>();
    keys.forEach((key, i) => {
      const row = stored[i];
      if (row) cells.set(key, cellOfRow(row));
    });
    let plan: GapStorePlan;
    try {
      plan = planChanges({ cells, timeZone: state.timeZone, changes, revealedAt });
    } catch (error) {
      console.error('GapLens: the gap store was out of step and will be rebuilt', error);
      return invalidate(core, trans);
    }
    const tickets = core.table('gapTickets');
    const writes: Promise<unknown>[] = [];
    if (plan.cellPuts.length) writes.push(cellsTable.mutate({ type: 'put', trans, values: plan.cellPuts }));
    if (plan.cellDeletes.length) writes.push(cellsTable.mutate({ type: 'delete', trans, keys: plan.cellDeletes }));
    if (plan.ticketPuts.length) writes.push(tickets.mutate({ type: 'put', trans, values: plan.ticketPuts }));
    if (plan.ticketDeletes.length) writes.push(tickets.mutate({ type: 'delete', trans, keys: plan.ticketDeletes }));
    if (plan.reveals.length) writes.push(core.table('gapReveals').mutate({ type: 'add', trans, values: plan.reveals }));
    return DexiePromise.all(writes);
  });
}

function mutateAndMaintain(core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  return readState(core, trans).then((state) => {
    if (!state) return table.mutate(req);
    if (req.type === 'deleteRange')
      return table.mutate(req).then((result) => invalidate(core, trans).then(() => result));
    return touchedTickets(table, req).then((keys) => {
      if (keys.length === 0) return table.mutate(req);
      const revealedAt = table.name === 'csatRatings' ? new Date().toISOString() : null;
      return readTickets(core, trans, keys).then((before) =>
        table.mutate(req).then((result) => {
          // Replayed from the request when every item succeeded; read back otherwise.
          const replayed = result.numFailures === 0 ? recordsAfterWrite(table.name as RawTable, req, before) : null;
          return (replayed ? DexiePromise.resolve(replayed) : readTickets(core, trans, keys))
            .then((after) => applyChanges(core, trans, state, changesBetween(keys, before, after), revealedAt))
            .then(() => result);
        }),
      );
    });
  });
}

/** The middleware; registered on the one database class (lib/db/db.ts). */
export const gapStoreMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GapStore',
  create(down) {
    // An older schema (the migration test opens v1) has no gap tables: nothing to maintain.
    const names = new Set(down.schema.tables.map((table) => table.name));
    if (!GAP_STORE_TABLES.every((name) => names.has(name))) return {};
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some((store) => RAW.has(store))
            ? [...new Set([...stores, ...RAW_TABLES, ...GAP_STORE_TABLES])]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!RAW.has(name as RawTable)) return table;
        return { ...table, mutate: (req) => serialized(req.trans, () => mutateAndMaintain(down, table, req)) };
      },
    };
  },
};
