import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { measureContentScript, summarizeContentScript, type ContentScriptResult } from './content-script';
import { measureIdbPutThroughput } from './idb-throughput';
import { measurePopupTti } from './popup-tti';
import { measureSidePanel, summarizeSidePanel, type SidePanelBenchResult } from './sidepanel';
import { measureAgentSync, summarizeAgentSync, type AgentSyncResult } from './sync-agent';
import { measureListSync, summarizeListSync, type ListSyncResult } from './sync-list';
import { measureParse, summarizeParse, type ParseResult } from './sync-parse';
import { measureTeam, summarizeTeam, type TeamBenchResult } from './team';

/**
 * `npm run bench [-- name…]`: runs the benchmarks (all by default) against the built extension in
 * real Chromium, writes bench-results/latest.json and rewrites the generated part of BENCHMARKS.md.
 * Benchmarks, not tests: nothing here fails on a slow number; BENCHMARKS.md states the goals.
 */
type Bench = { name: string; goal: string; run: () => Promise<Record<string, unknown>>; summary: (r: Record<string, unknown>) => string };

const BENCHES: Bench[] = [
  {
    name: 'popup-tti',
    goal: 'p50 ≤ 50 ms, p95 ≤ 100 ms',
    run: async () => ({ ...(await measurePopupTti(30)) }),
    summary: (r) => `p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms over ${r.opens} opens`,
  },
  {
    name: 'content-script',
    goal: '≤ 8 KB gzipped; no long task over a ticket load, solve and card',
    run: async () => ({ ...(await measureContentScript(5)) }),
    summary: (r) => summarizeContentScript(r as unknown as ContentScriptResult),
  },
  {
    name: 'sidepanel',
    goal: 'first render ≤ 200 ms, filter change ≤ 50 ms (p50 and p95), over 100k assessments + 100k ratings',
    run: async () => ({ ...(await measureSidePanel()) }),
    summary: (r) => summarizeSidePanel(r as unknown as SidePanelBenchResult),
  },
  {
    name: 'idb-put-throughput',
    goal: 'reference (physical limit)',
    run: async () => ({ ...(await measureIdbPutThroughput(100_000, 3)) }),
    summary: (r) => `${r.medianRecordsPerSecond} records/s (median of ${r.runs} fresh profiles, ${r.records} records each)`,
  },
  {
    name: 'sync-list',
    goal: 'list requests exactly ⌈N/100⌉ (re-sync: the window’s pages); ≥ 0.8× raw IndexedDB; peak SW heap ≤ 64 MB',
    run: async () => ({ ...(await measureListSync()) }),
    summary: (r) => summarizeListSync(r as unknown as ListSyncResult),
  },
  {
    name: 'sync-agent',
    goal: 'show_many requests exactly ⌈5k/100⌉; peak SW heap ≤ 64 MB',
    run: async () => ({ ...(await measureAgentSync(5_000)) }),
    summary: (r) => summarizeAgentSync(r as unknown as AgentSyncResult),
  },
  {
    name: 'sync-parse',
    goal: 'parse + validate ≥ 20k ratings/s',
    run: async () => ({ ...(await measureParse()) }),
    summary: (r) => summarizeParse(r as unknown as ParseResult),
  },
  {
    name: 'team',
    goal: 'import + aggregate + export, 50 agents × 2k assessments: p50 ≤ 1 s',
    run: async () => ({ ...(await measureTeam()) }),
    summary: (r) => summarizeTeam(r as unknown as TeamBenchResult),
  },
];

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'unknown';
  try {
    chromium = execSync(`${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --version`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* reported as unknown */
  }
  // The load average matters here: benchmarks on a shared 2-core machine slow down with its neighbours.
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${chromium}, load average at start ${load}`;
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  if (selected.length === 0) throw new Error(`Unknown benchmark. Known: ${BENCHES.map((b) => b.name).join(', ')}`);
  const machineAtStart = machine();
  mkdirSync('bench-results', { recursive: true });
  const file = 'bench-results/latest.json';
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: Record<string, unknown> }) : {};
  const results: Record<string, unknown> = { ...(previous.results ?? {}) };
  for (const bench of selected) {
    process.stdout.write(`${bench.name}… `);
    const result = await bench.run();
    results[bench.name] = { ...result, goal: bench.goal, date: new Date().toISOString() };
    console.log(bench.summary(result));
  }
  const report = { machine: machineAtStart, date: new Date().toISOString(), results };
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  updateBenchmarksMd(report);
}

function updateBenchmarksMd(report: { machine: string; date: string; results: Record<string, unknown> }) {
  const rows = BENCHES.filter((b) => report.results[b.name]).map((b) => {
    const r = report.results[b.name] as Record<string, unknown>;
    return `| ${b.name} | ${b.summary(r)} | ${b.goal} | ${String(r.date).slice(0, 10)} |`;
  });
  const generated = [
    '<!-- bench:start (generated by `npm run bench`; edit the text outside these markers) -->',
    `Machine: ${report.machine}`,
    '',
    '| benchmark | result | goal | date |',
    '| --- | --- | --- | --- |',
    ...rows,
    '<!-- bench:end -->',
  ].join('\n');
  const path = 'BENCHMARKS.md';
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n<!-- bench:start --><!-- bench:end -->\n';
  const next = current.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, generated);
  writeFileSync(path, next);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
