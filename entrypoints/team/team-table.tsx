import { useState } from 'react';
import type { TeamRow } from '../../lib/team/team-report';
import { formatGap, formatMean, formatShare } from './format';

type SortKey = 'name' | 'assessed' | 'matched' | 'gap' | 'overestimationRate' | 'coverageRatedAssessed';

const SORTABLE: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Agent' },
  { key: 'assessed', label: 'Assessed' },
  { key: 'matched', label: 'Matched' },
  { key: 'gap', label: 'Gap (95% CI)' },
  { key: 'overestimationRate', label: 'Overestimation' },
  { key: 'coverageRatedAssessed', label: 'Coverage' },
];

/** Rows without a number (not enough data) sort after every number, whichever the direction. */
function compare(a: TeamRow, b: TeamRow, key: SortKey, direction: 1 | -1): number {
  const x = a[key];
  const y = b[key];
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
  return order * direction || a.name.localeCompare(b.name);
}

function GapCell({ row }: { row: TeamRow }) {
  if (row.gapStatus !== 'ok') return <td className="number muted">not enough data ({row.matched} matched)</td>;
  return (
    <td className="number" data-col="gap">
      {formatGap(row.gap)}{' '}
      <span className="muted">
        ({formatGap(row.gapCiLow)} to {formatGap(row.gapCiHigh)})
      </span>
    </td>
  );
}

function Row({ row, total = false }: { row: TeamRow; total?: boolean }) {
  return (
    <tr className={total ? 'team-total' : undefined} data-agent={row.agentId ?? 'team'}>
      <th scope="row">{total ? row.name : `${row.name} (${row.agentId})`}</th>
      <td className="number" data-col="assessed">
        {row.assessed}
      </td>
      <td className="number" data-col="matched">
        {row.matched}
      </td>
      <td className="number" data-col="predicted-actual">
        {formatMean(row.predictedMean)} / {formatMean(row.actualMean)}
      </td>
      <GapCell row={row} />
      <td className="number" data-col="overestimation">
        {formatShare(row.overestimationRate)}
      </td>
      <td data-col="blind-spot">{row.topBlindSpot ?? '—'}</td>
      <td className="number" data-col="coverage">
        {formatShare(row.coverageRatedAssessed)}
      </td>
    </tr>
  );
}

/** Per agent and for the team; the team row stays on top whatever the sort. */
export function TeamTable({ team, agents }: { team: TeamRow; agents: TeamRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: 1 | -1 }>({ key: 'name', direction: 1 });
  const sorted = [...agents].sort((a, b) => compare(a, b, sort.key, sort.direction));
  const header = (key: SortKey, label: string) => (
    <th
      key={key}
      scope="col"
      aria-sort={sort.key === key ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        onClick={() => setSort((s) => ({ key, direction: s.key === key ? (-s.direction as 1 | -1) : 1 }))}
      >
        {label}
        {sort.key === key ? (sort.direction === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <table aria-label="Team gaps">
      <thead>
        <tr>
          {SORTABLE.slice(0, 3).map(({ key, label }) => header(key, label))}
          <th scope="col">Predicted / actual</th>
          {header('gap', 'Gap (95% CI)')}
          {header('overestimationRate', 'Overestimation')}
          <th scope="col">Top blind spot</th>
          {header('coverageRatedAssessed', 'Coverage')}
        </tr>
      </thead>
      <tbody>
        <Row row={team} total />
        {sorted.map((row) => (
          <Row key={row.agentId} row={row} />
        ))}
      </tbody>
    </table>
  );
}
