/**
 * `pnpm bench`: prints speed and memory figures against their targets. Tests never assert
 * times; this does not fail either, it reports (exit 1 only when a run itself breaks).
 * `pnpm bench analyze`, `pnpm bench layout`, `pnpm bench binding`, `pnpm bench crawl`, `pnpm bench startup` or
 * `pnpm bench scopes` runs one of them. `pnpm bench web` and `pnpm bench serve` (Chromium, minutes) run only by name.
 * `pnpm bench analyze` also runs the CLI the analyze target was set against, to read the target on
 * this machine (calibration-cli.ts); `--no-calibration` leaves it out.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ANALYZE_TARGET, runAnalyzeBench } from './analyze-bench.js';
import type { ProcessRun } from './measure-process.js';
import { buildCalibrationCli, CALIBRATION_CLI } from './calibration-cli.js';
import { CRAWL_TARGET_EFFICIENCY, runCrawlBench } from './crawl-bench.js';
import { runBindingBench } from './binding-bench.js';
import { runLayoutBench } from './layout-bench.js';
import { RECRAWL_TARGET_SHARE, runRecrawlBench } from './recrawl-bench.js';
import { runStartupBench, startupSummary } from './startup-bench.js';
import { runScopesBench } from './scopes-bench.js';
import { runServeBench, type EditTiming } from './serve-bench.js';
import { median, table } from './stats.js';
import { runWebBench, WEB_SIZES, WEB_TARGETS, type WebRun } from './web-bench.js';

const outDir = fileURLToPath(new URL('./out/', import.meta.url));
const only = process.argv[2];
/** `--no-calibration`: analyze without the CLI the target was set against (calibration-cli.ts). */
const withCalibration = !process.argv.includes('--no-calibration');

if (only === undefined || only === 'analyze') {
  const loadBefore = os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
  console.log(
    'analyze: generating a 2,000 × 250-step tutorial org, bundling the CLI, 5 runs alternated with 5 of reading and parsing the file alone …',
  );
  let calibrationCli: string | undefined;
  if (withCalibration) {
    console.log(
      `analyze: bundling the CLI the target was set against, ${CALIBRATION_CLI.commit} (once: a git worktree and its locked dependencies; kept in bench/out) …`,
    );
    try {
      calibrationCli = buildCalibrationCli(CALIBRATION_CLI.commit, outDir);
    } catch (error) {
      // The figures of today's CLI stand without it; only the target's reading on this machine is lost.
      console.log(`analyze: without the calibration CLI: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const result = await runAnalyzeBench(outDir, calibrationCli);
  const walls = result.runs.map((run) => run.wallMs);
  const peaks = result.runs.map((run) => run.peakMiB);
  const cpus = result.runs.map((run) => run.cpuMs);
  const referenceWalls = result.reference.map((run) => run.wallMs);
  const referenceCpus = result.reference.map((run) => run.cpuMs);
  console.log(
    `org: ${result.org.flows} flows, ${result.org.steps.toLocaleString('en-US')} steps, ` +
      `${result.org.transitions.toLocaleString('en-US')} transitions (${result.org.crossFlowTransitions} cross-flow), ` +
      `${result.fileMiB.toFixed(1)} MiB`,
  );
  console.log(
    table(
      ['flowgraph analyze --format json', 'median', 'max', 'target', 'runs'],
      [
        ['wall time (s)', s(median(walls)), s(Math.max(...walls)), s(ANALYZE_TARGET.wallMs), walls.map(s).join(' ')],
        ['CPU time, user + sys (s)', s(median(cpus)), s(Math.max(...cpus)), '', cpus.map(s).join(' ')],
        ['peak RSS (MiB)', mib(median(peaks)), mib(Math.max(...peaks)), mib(ANALYZE_TARGET.peakMiB), peaks.map(mib).join(' ')],
        [
          'reference: read + JSON.parse only, wall (s)',
          s(median(referenceWalls)),
          s(Math.max(...referenceWalls)),
          '',
          referenceWalls.map(s).join(' '),
        ],
        ['reference: CPU time (s)', s(median(referenceCpus)), s(Math.max(...referenceCpus)), '', referenceCpus.map(s).join(' ')],
        ...calibrationRows(result.calibration),
      ],
    ),
  );
  const beyondTarget = median(referenceWalls) > ANALYZE_TARGET.wallMs;
  console.log(
    `analyze takes ${(median(cpus) / median(referenceCpus)).toFixed(1)}× the CPU of reading and parsing the file alone` +
      (beyondTarget ? `; on this machine reading and parsing alone take longer than the ${s(ANALYZE_TARGET.wallMs)} s target` : ''),
  );
  if (result.calibration.length > 0) {
    // Each round's own ratio: the machine's speed drifts from minute to minute here, and both
    // runs of a round see about the same machine.
    const ratios = result.calibration.map((run, round) => run.wallMs / (walls[round] as number));
    const speedup = median(ratios);
    const scaled = CALIBRATION_CLI.wallMs / speedup;
    console.log(
      `analyze is ${speedup.toFixed(2)}× as fast as ${CALIBRATION_CLI.commit} (median of each round's ratio of wall times: ` +
        `${ratios.map((ratio) => ratio.toFixed(2)).join(' ')}); ` +
        `on the machine where ${CALIBRATION_CLI.commit} took ${s(CALIBRATION_CLI.wallMs)} s that is ${s(scaled)} s ` +
        `(target ${s(ANALYZE_TARGET.wallMs)} s: ${scaled <= ANALYZE_TARGET.wallMs ? 'met' : 'not met'})`,
    );
  }
  const loadAfter = os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
  console.log(
    `load average before the runs: ${loadBefore}, after: ${loadAfter}; wall time includes waiting for the CPU when the machine is busy (CPU time and peak RSS are the steadier figures)`,
  );
  console.log();
}

if (only === undefined || only === 'layout') {
  console.log('layout: core layeredLayout on org-shaped random graphs (1.5 edges per node), mean of 3 runs …');
  const runs = runLayoutBench();
  console.log(
    table(
      ['layeredLayout', 'edges', 'ms'],
      runs.map((run) => [`${run.nodes.toLocaleString('en-US')} nodes`, run.edges.toLocaleString('en-US'), run.ms.toFixed(0)]),
    ),
  );
  console.log('for comparison, in headless Chromium at 5,000 nodes: dagre and fcose > 60 s, ELK 19.8 s (toolchain.md)');
  console.log();
}

if (only === undefined || only === 'binding') {
  console.log(
    'binding: the app canvas (react-cytoscapejs, memoised, one adapter) vs the bare binding, Chromium, React development build under StrictMode, 30 selections …',
  );
  const runs = await runBindingBench();
  console.log(
    table(
      ['binding', 'elements', 'median ms', 'p95 ms', 'cy instances made', 'destroyed', 'live one drawn', 'taps seen (1 sent)'],
      runs.map((run) => [
        run.variant,
        run.elements.toLocaleString('en-US'),
        run.medianMs.toFixed(1),
        run.p95Ms.toFixed(1),
        // The app's canvas keeps its instance to itself: e2e/binding.spec.ts checks it under StrictMode.
        ...(run.variant === 'canvas'
          ? ['-', '-', '-', '-']
          : [String(run.instancesCreated), String(run.instancesDestroyed), run.liveInstanceIsDrawn ? 'yes' : 'no', String(run.tapsSeen)]),
      ]),
    ),
  );
  console.log('one interaction = a selection set in React and committed (flushSync), classes of ~200 nodes applied to Cytoscape');
  console.log();
}

if (only === undefined || only === 'crawl') {
  console.log('crawl: simulator with 1,000 flows, 100 ms latency, 600 requests/min (fixed 60 s windows) …');
  const crawl = await runCrawlBench();
  console.log(
    table(
      ['crawl', 'requests', '429s', 'wall (s)', 'efficiency', 'of best possible', 'target'],
      [
        [
          'genesys client',
          String(crawl.requests),
          String(crawl.rateLimited),
          s(crawl.wallMs),
          pct(crawl.efficiency),
          pct(crawl.ofIdeal),
          `≥ ${pct(CRAWL_TARGET_EFFICIENCY)}`,
        ],
        [
          'one request at a time (estimated)',
          String(crawl.requests),
          '0',
          s(crawl.baselineWallMs),
          pct(crawl.baselineEfficiency),
          pct(crawl.idealWallMs / crawl.baselineWallMs),
          '',
        ],
        [
          'best possible (computed)',
          String(crawl.requests),
          '0',
          s(crawl.idealWallMs),
          pct(crawl.requests / crawl.allowedPerSecond / (crawl.idealWallMs / 1000)),
          '100%',
          '',
        ],
      ],
    ),
  );
  console.log(
    `efficiency = (requests / ${crawl.allowedPerSecond} allowed per s) / wall s ` +
      `(a fixed window lets the first burst through, so it can pass 100%);\n` +
      `best possible = full windows × 60 s + the last window's requests at 8 in flight × 100 ms; ` +
      `baseline from ${crawl.baselineSample} sequential requests, ${crawl.baselineMsPerRequest.toFixed(0)} ms each`,
  );
}

if (only === undefined || only === 'crawl' || only === 'recrawl') {
  console.log(
    'recrawl: the same 1,000-flow org crawled into a store, re-crawled unchanged, re-crawled after 10 flows published new versions …',
  );
  const { first, unchanged, changed } = await runRecrawlBench();
  const share = (figures: { requests: number }) => `${((figures.requests / first.requests) * 100).toFixed(1)}%`;
  console.log(
    table(
      ['crawl', 'requests', 'flows reused', 'wall (s)', "of first crawl's requests", 'target'],
      [
        ['first (empty store)', String(first.requests), String(first.reused), s(first.wallMs), '100%', ''],
        [
          'unchanged org',
          String(unchanged.requests),
          String(unchanged.reused),
          s(unchanged.wallMs),
          share(unchanged),
          `≤ ${pct(RECRAWL_TARGET_SHARE)}`,
        ],
        [`${changed.flowsChanged} flows changed`, String(changed.requests), String(changed.reused), s(changed.wallMs), share(changed), ''],
      ],
    ),
  );
}

if (only === undefined || only === 'startup') {
  console.log('startup: the CLI run through tsx (how developers run it) and installed from its packed tarball, 5 runs each …');
  const rows = await runStartupBench();
  console.log(table(['command', 'median (s)', 'runs (s)'], startupSummary(rows)));
  console.log(`load average: ${os.loadavg()[0]?.toFixed(1)}; wall times, stretched when the machine is busy`);
}

if (only === undefined || only === 'scopes') {
  console.log('scopes: focus, cycle focus, paths, scope exports and a review report on the 2,000 × 250-step org, median of 3 …');
  const scopes = runScopesBench();
  console.log(`org: ${scopes.nodes.toLocaleString('en-US')} nodes, ${scopes.edges.toLocaleString('en-US')} edges`);
  console.log(
    table(
      ['query', 'ms', 'gives'],
      scopes.runs.map((run) => [run.what, run.ms.toFixed(1), run.size]),
    ),
  );
  console.log();
}

// Not part of a plain `pnpm bench`: three demo servers and Chromium take minutes. `pnpm bench web`.
if (only === 'web') {
  const sizes = process.argv[3] === undefined ? WEB_SIZES : process.argv[3].split(',').map(Number);
  const port = Number(process.env.FLOWGRAPH_BENCH_PORT ?? process.env.FLOWGRAPH_E2E_PORT ?? 8199);
  const loadBefore = os.loadavg()[0]?.toFixed(1);
  console.log(
    `web: the demo server at ${sizes.join(', ')} flows (port ${port}), the built SPA in headless Chromium (software rendering) …`,
  );
  const runs = await runWebBench(port, sizes);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  console.log(
    table(
      [
        'demo flows',
        'nodes',
        'edges',
        'page ready (s)',
        'first frame (s)',
        'select (s)',
        'focus (s)',
        'pan frame p50 / p95 / max (ms)',
        'frames',
      ],
      runs.map((run) => [
        run.flows.toLocaleString('en-US'),
        run.nodes.toLocaleString('en-US'),
        run.edges.toLocaleString('en-US'),
        s(run.readyMs),
        s(run.firstFrameMs),
        s(run.selectMs),
        run.focusMs === undefined ? 'n/a' : s(run.focusMs),
        `${run.panFrames.p50.toFixed(0)} / ${run.panFrames.p95.toFixed(0)} / ${run.panFrames.max.toFixed(0)}`,
        String(run.panFrames.frames),
      ]),
    ),
  );
  console.log(
    table(
      ['/api/graph', 'object form (before)', 'compact, raw', 'compact, brotli', 'compact, gzip', 'on the wire to Chromium'],
      runs.map((run) => [
        `${run.flows.toLocaleString('en-US')} flows`,
        kb(run.bytes.objectForm),
        kb(run.bytes.raw),
        kb(run.bytes.brotli),
        kb(run.bytes.gzip),
        kb(run.bytes.sentBrotli),
      ]),
    ),
  );
  console.log(
    table(
      ['renderer', 'demo flows', 'page ready (s)', 'first frame (s)', 'pan frame p50 / p95 / max (ms)', 'frames'],
      runs.flatMap((run) =>
        [
          { ...run, name: `${run.renderer} (auto)` },
          { ...run.webgl, name: `${run.webgl.renderer} (?renderer=webgl)` },
        ].map((opened) => [
          opened.name,
          run.flows.toLocaleString('en-US'),
          s(opened.readyMs),
          s(opened.firstFrameMs),
          `${opened.panFrames.p50.toFixed(0)} / ${opened.panFrames.p95.toFixed(0)} / ${opened.panFrames.max.toFixed(0)}`,
          String(opened.panFrames.frames),
        ]),
      ),
    ),
  );
  const smallest = runs[0];
  const largest = runs.at(-1);
  if (smallest && largest && smallest !== largest) {
    const ratio = (pick: (run: WebRun) => number) => (pick(largest) / pick(smallest)).toFixed(1);
    console.log(
      table(
        [`${largest.flows.toLocaleString('en-US')} vs ${smallest.flows.toLocaleString('en-US')} flows`, 'ratio', 'target'],
        [
          ['page ready', ratio((run) => run.readyMs), `≤ ${WEB_TARGETS.readyRatio}`],
          ['first frame (no target)', ratio((run) => run.firstFrameMs), ''],
          ['select', ratio((run) => run.selectMs), `≤ ${WEB_TARGETS.selectRatio}`],
          [`pan frame p95 at ${largest.flows.toLocaleString('en-US')} (ms)`, largest.panFrames.p95.toFixed(0), `≤ ${WEB_TARGETS.frameMs}`],
        ],
      ),
    );
  }
  console.log(
    `load average before: ${loadBefore}, after: ${os.loadavg()[0]?.toFixed(1)}; one run per size on a shared 2-core machine: ` +
      "times include waiting for the CPU. Headless Chromium has software GL only (SwiftShader): 'auto' draws with the canvas renderer, and WebGL is measured forced, on the CPU.",
  );
}

// Not part of a plain `pnpm bench` either: a served folder edited under Chromium. `pnpm bench serve [repetitions]`.
if (only === 'serve') {
  const port = Number(process.env.FLOWGRAPH_BENCH_PORT ?? process.env.FLOWGRAPH_E2E_PORT ?? 8199);
  const repetitions = process.argv[3] === undefined ? 5 : Number(process.argv[3]);
  const loadBefore = os.loadavg()[0]?.toFixed(1);
  console.log(
    `serve: flowgraph serve over the demo org as a folder of Archy YAML (port ${port}), the built SPA in headless Chromium, ${repetitions} edits of each kind …`,
  );
  const run = await runServeBench(port, repetitions, (line) => console.log(line));
  console.log(
    `folder: ${run.folder.flows} flows in ${run.folder.files} YAML files, ${run.folder.kib.toFixed(0)} KiB; ` +
      `server up (300 files read and analysed) in ${s(run.startMs)} s, page ready in ${s(run.pageReadyMs)} s`,
  );
  const row = (what: string, times: number[]) => [what, s(median(times)), s(Math.max(...times)), times.map(s).join(' ')];
  const rows = (label: string, edits: EditTiming[], shown: string, undone: string) => [
    row(
      `${label}: write → ${shown} in the page`,
      edits.map((edit) => edit.pageMs),
    ),
    ...(edits.some((edit) => Number.isNaN(edit.canvasMs))
      ? []
      : [
          row(
            `${label}: write → new graph drawn on the canvas`,
            edits.map((edit) => edit.canvasMs),
          ),
        ]),
    row(
      `${label}: write → server re-analysis done`,
      edits.map((edit) => edit.serverMs),
    ),
    row(
      `${label} undone: write → ${undone} in the page`,
      edits.map((edit) => edit.undoPageMs),
    ),
  ];
  console.log(
    table(
      ['edit of one YAML (300-flow folder)', 'median (s)', 'max (s)', 'runs (s)'],
      [
        ...rows('call closing a cycle', run.cycles, 'cycle listed', 'cycle gone'),
        ...rows('file made invalid', run.invalid, 'file error', 'error gone'),
      ],
    ),
  );
  const reread = [...run.cycles, ...run.invalid].map((edit) => edit.reread);
  console.log(
    `files the server re-read per edit: ${[...new Set(reread)].join(', ')}; page reloaded: ${run.reloaded ? 'yes' : 'no'}; ` +
      `cycles closed: ${run.cycles.map((edit) => edit.flow).join('; ')}`,
  );
  console.log(
    table(
      ['opened in the page (Open folder…)', 'files', 'flows', '→ analysed (s)', "page's own figure (s)", '→ every flow drawn (s)'],
      run.drops.map((drop) => [
        drop.what,
        String(drop.files),
        String(drop.flows),
        s(drop.loadedMs),
        s(drop.bannerMs),
        drop.drawnMs === undefined ? 'not all' : s(drop.drawnMs),
      ]),
    ),
  );
  console.log(
    `times from the click on "Show these files"; load average before: ${loadBefore}, after: ${os.loadavg()[0]?.toFixed(1)} ` +
      '(a shared 2-core machine: times include waiting for the CPU)',
  );
}

function s(ms: number): string {
  return (ms / 1000).toFixed(2);
}
function mib(value: number): string {
  return value.toFixed(0);
}
function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}

/** The calibration CLI's rows of the analyze table (none without it). */
function calibrationRows(runs: readonly ProcessRun[]): string[][] {
  if (runs.length === 0) return [];
  const walls = runs.map((run) => run.wallMs);
  const cpus = runs.map((run) => run.cpuMs);
  const peaks = runs.map((run) => run.peakMiB);
  const label = `${CALIBRATION_CLI.commit} (the target's CLI):`;
  return [
    [`${label} wall (s)`, s(median(walls)), s(Math.max(...walls)), '', walls.map(s).join(' ')],
    [`${label} CPU time (s)`, s(median(cpus)), s(Math.max(...cpus)), '', cpus.map(s).join(' ')],
    [`${label} peak RSS (MiB)`, mib(median(peaks)), mib(Math.max(...peaks)), '', peaks.map(mib).join(' ')],
  ];
}
