/**
 * `pnpm bench serve`: `flowgraph serve` over a 300-flow folder of Archy YAML (the demo org written
 * as files, bench/archy-folder.ts), the built SPA open in headless Chromium, and the folder edited
 * under it, as a person editing flows in their editor would:
 * - cycle: one YAML gets a call back to a flow that calls it; from the write to the cycle listed in
 *   the page's cycles panel (no reload), and to the server's re-analysis done (its progress stream);
 * - invalid: one YAML broken; from the write to its error in the page's Files panel;
 * - each edit undone; the same timings for the page to show the file good again.
 * Then files opened in the page ("Open folder…", `data-testid="open-files"`): a 100-flow and the
 * 300-flow folder, and the shared corpus of real flow files when present; from "Show these files"
 * to the worker's analysis done (the banner) and to every flow drawn on the canvas.
 * Nothing here asserts: it prints the figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputSet, isFlowFileName, isSkippedEntry, parseGraphResponse } from '@flowgraph/core';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CORPUS_DIR, filesBelow, reportSkip } from '../testing/shared-data.js';
import { type ArchyFolder, CALLABLE_TYPES, callLines, type FolderFlow, writeArchyFolder } from './archy-folder.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

export interface EditTiming {
  flow: string;
  /** Write to the page showing it (cycle listed, file error shown), on the page's clock. */
  pageMs: number;
  /**
   * Write to the canvas showing the new graph (its new Cytoscape instance registered and settled);
   * NaN for a broken file, whose graph is unchanged (its flow stays, marked stale by a class).
   */
  canvasMs: number;
  /** Write to the server's progress stream saying `done` for this change. */
  serverMs: number;
  /** Files the server imported again for this change (its log). */
  reread: number;
  /** Undoing the edit: write to the page showing the cycle gone / the file good again. */
  undoPageMs: number;
}

export interface DropTiming {
  what: string;
  files: number;
  flows: number;
  /** "Show these files" to the worker's analysis done (the banner), on the page's clock. */
  loadedMs: number;
  /** The page's own figure in the banner ("read in this page in N ms"). */
  bannerMs: number;
  /** "Show these files" to every flow of the files on the canvas; undefined when they did not all appear. */
  drawnMs: number | undefined;
}

export interface ServeRun {
  folder: { flows: number; files: number; kib: number };
  /** Spawn to the server answering (300 files read, linked and analysed once). */
  startMs: number;
  pageReadyMs: number;
  cycles: EditTiming[];
  invalid: EditTiming[];
  drops: DropTiming[];
  reloaded: boolean;
}

interface ProgressEvent {
  at: number;
  phase: string;
  message?: string;
}

export async function runServeBench(port: number, repetitions = 5, note: (line: string) => void = () => {}): Promise<ServeRun> {
  if (!existsSync(`${repo}apps/web/dist/index.html`)) throw new Error('build the web app first: pnpm --filter @flowgraph/web build');
  const work = mkdtempSync(join(tmpdir(), 'flowgraph-serve-bench-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  let server: Served | undefined;
  try {
    const folder = writeArchyFolder(join(work, 'flows'), 303);
    const small = writeArchyFolder(join(work, 'drop-100', 'flows'), 101, 7);
    server = await startServe(port, folder.dir);
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(server.url);
    await ready(page);
    const pageReadyMs = Date.now() - started;
    // A marker a reload would drop: the page must follow the files in place.
    await page.evaluate(() => Object.assign(globalThis, { __noReload: true }));

    const pairs = cyclePairs(folder, repetitions);
    const cycles: EditTiming[] = [];
    for (const { caller, callee } of pairs) {
      cycles.push(await closeCycle(page, server, folder, caller, callee));
      note(`  cycle ${cycles.length}/${pairs.length}: ${summary(cycles.at(-1)!)}`);
    }
    const invalid: EditTiming[] = [];
    for (const flow of folder.flows.filter((flow) => !flow.type.startsWith('WORK')).slice(0, repetitions)) {
      invalid.push(await breakFile(page, server, folder, flow));
      note(`  invalid ${invalid.length}/${repetitions}: ${summary(invalid.at(-1)!)}`);
    }
    const reloaded = (await page.evaluate(() => (globalThis as ProbeHost).__noReload)) !== true;
    await context.close();

    const drops: DropTiming[] = [];
    const opened = async (dir: string, what: string) => {
      drops.push(await drop(browser, server!.url, dir, what));
      const last = drops.at(-1)!;
      note(`  opened ${what}: analysed ${last.loadedMs} ms, drawn ${last.drawnMs ?? 'not all'} ms`);
    };
    for (let round = 0; round < 3; round++) await opened(join(work, 'drop-100', 'flows'), `${small.files} flows`);
    await opened(folder.dir, `${folder.files} flows`);
    if (CORPUS_DIR) await opened(CORPUS_DIR, 'real corpus');
    else reportSkip('serve bench: the real corpus as a dropped folder', 'FLOWGRAPH_CORPUS_DIR');
    return {
      folder: { flows: folder.flows.length, files: folder.files, kib: folder.bytes / 1024 },
      startMs: server.startMs,
      pageReadyMs,
      cycles,
      invalid,
      drops,
      reloaded,
    };
  } finally {
    await server?.stop();
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function summary(edit: EditTiming): string {
  return `${edit.flow}: page ${edit.pageMs} ms, canvas ${edit.canvasMs} ms, server ${edit.serverMs} ms, undone ${edit.undoPageMs} ms, re-read ${edit.reread}`;
}

/**
 * Pairs where `caller` already calls `callee` (an inbound call flow or module calling a common
 * module, by preference): `callee`'s file gets a call back, which closes a two-flow cycle. The
 * demo org's planted cycle is left alone, and each pair's files are distinct.
 */
function cyclePairs(folder: ArchyFolder, count: number): { caller: FolderFlow; callee: FolderFlow }[] {
  const byKey = new Map(folder.flows.map((flow) => [`${flow.type}:${flow.name}`, flow]));
  const planted = new Set(folder.plantedCycle);
  const pairs: { caller: FolderFlow; callee: FolderFlow }[] = [];
  const used = new Set<string>();
  const rank = (flow: FolderFlow) => (flow.type === 'COMMONMODULE' ? 0 : flow.type === 'INBOUNDCALL' ? 1 : 2);
  const candidates = folder.flows
    .filter((flow) => CALLABLE_TYPES.has(flow.type) && !planted.has(flow.name) && !flow.type.startsWith('WORK'))
    .sort((a, b) => rank(a) - rank(b));
  for (const caller of candidates) {
    for (const call of caller.calls) {
      const callee = byKey.get(`${call.type}:${call.name}`);
      if (!callee || callee === caller || planted.has(callee.name) || callee.type.startsWith('WORK')) continue;
      if (used.has(caller.file) || used.has(callee.file)) continue;
      pairs.push({ caller, callee });
      used.add(caller.file).add(callee.file);
      break;
    }
    if (pairs.length === count) break;
  }
  return pairs;
}

async function closeCycle(page: Page, server: Served, folder: ArchyFolder, caller: FolderFlow, callee: FolderFlow): Promise<EditTiming> {
  const file = join(folder.dir, callee.file);
  const good = readFileSync(file, 'utf8');
  const edited = good.replace(/^ {10}- (disconnect|endWorkflow):$/m, (last) => `${callLines(caller).trimEnd()}\n${last}`);
  if (edited === good) throw new Error(`${callee.file}: no last action to add a call before`);
  // The cycles panel lists a cycle by the names on its path.
  const listed = (present: boolean) =>
    page.waitForFunction(
      ([a, b, want]) => {
        const found = [...document.querySelectorAll('[data-testid="cycles-panel"] [data-testid="cycle-item"]')].some(
          (item) => (item.textContent ?? '').includes(a) && (item.textContent ?? '').includes(b),
        );
        return found === want ? Date.now() : false;
      },
      [caller.name, callee.name, present] as const,
      { polling: 'raf', timeout: 120_000 },
    );
  const timing = await timedEdit(page, server, file, edited, () => listed(true), true);
  const ids = await flowIds(server.url);
  const from = ids.get(`${callee.type}:${callee.name}`);
  const to = ids.get(`${caller.type}:${caller.name}`);
  const drawn = await page.evaluate(
    ([source, target]) =>
      (globalThis as ProbeHost).__flowgraph?.org?.edges().some((edge) => edge.source === source && edge.target === target) ?? false,
    [from, to] as const,
  );
  if (!drawn) throw new Error(`the new call ${callee.name} → ${caller.name} is not drawn on the canvas`);
  const undo = await timedEdit(page, server, file, good, () => listed(false));
  return { ...timing, flow: `${callee.name} → ${caller.name}`, undoPageMs: undo.pageMs };
}

async function breakFile(page: Page, server: Served, folder: ArchyFolder, flow: FolderFlow): Promise<EditTiming> {
  const file = join(folder.dir, flow.file);
  const good = readFileSync(file, 'utf8');
  const broken = good.replace(/^ {2}tasks:$/m, '  tasks: [unclosed');
  if (broken === good) throw new Error(`${flow.file}: no task list to break`);
  const shown = (present: boolean) =>
    page.waitForFunction(
      ([path, want]) => {
        const row = [...document.querySelectorAll('[data-testid="file-row"]')].find((element) =>
          (element.getAttribute('data-path') ?? '').endsWith(path),
        );
        const found = row?.querySelector('[data-testid="file-issue"]') != null;
        return found === want ? Date.now() : false;
      },
      [`/${flow.file}`, present] as const,
      { polling: 'raf', timeout: 120_000 },
    );
  const timing = await timedEdit(page, server, file, broken, () => shown(true));
  const undo = await timedEdit(page, server, file, good, () => shown(false));
  return { ...timing, flow: flow.file, undoPageMs: undo.pageMs };
}

/**
 * Writes `text` to `file` and times, on the page's clock, `until` (a panel showing the change) and
 * the canvas drawing the new graph (a new Cytoscape instance registered and settled), and the
 * server's progress stream saying the re-analysis is done.
 */
async function timedEdit(
  page: Page,
  server: Served,
  file: string,
  text: string,
  until: () => Promise<{ jsonValue(): Promise<unknown> }>,
  redraws = false,
): Promise<Omit<EditTiming, 'flow' | 'undoPageMs'>> {
  // A quiet page and server before each write: the previous edit's refetches and drawing are over.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await page.evaluate(() => {
    const host = globalThis as ProbeHost;
    host.__probeBefore = host.__flowgraph?.org;
  });
  const seen = server.events.length;
  const logged = server.log.length;
  const shown = until();
  const redrawn = redraws
    ? page.waitForFunction(
        () => {
          const host = globalThis as ProbeHost;
          const probe = host.__flowgraph?.org;
          return probe !== undefined && probe !== host.__probeBefore && probe.settled() ? Date.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      )
    : undefined;
  const written = Date.now();
  writeFileSync(file, text);
  const pageAt = Number(await (await shown).jsonValue());
  const canvasAt = redrawn ? Number(await (await redrawn).jsonValue()) : Number.NaN;
  const name = basename(file);
  const done = await waitFor(() => server.events.slice(seen).find((event) => event.phase === 'done' && event.message?.includes(name)));
  const line = await waitFor(() => server.log.slice(logged).find((entry) => entry.line.includes(name) && entry.line.includes('re-read')));
  const reread = Number(/re-read (\d+) file/.exec(line.line)?.[1] ?? Number.NaN);
  return { pageMs: pageAt - written, canvasMs: canvasAt - written, serverMs: done.at - written, reread };
}

/** The served graph's flow ids by `type:name`. */
async function flowIds(url: string): Promise<Map<string, string>> {
  const graph = parseGraphResponse(await (await fetch(`${url}/api/graph`)).json());
  return new Map(graph.graph.nodes.filter((node) => node.kind === 'flow').map((node) => [`${node.type}:${node.name}`, node.id]));
}

/** What this bench reads from the page: the canvas's test probe (apps/web/src/graph/test-hook.ts). */
interface Probe {
  nodeIds(): string[];
  edges(): { source: string; target: string }[];
  settled(): boolean;
}
interface ProbeHost {
  __flowgraph?: Record<string, Probe>;
  __probeBefore?: Probe;
  __noReload?: boolean;
}

async function drop(browser: Browser, url: string, dir: string, what: string): Promise<DropTiming> {
  const expected = expectedFlowIds(dir);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.getByTestId('open-files').setInputFiles(dir);
    await page.getByTestId('open-alone').waitFor();
    // The page's clock from the click on "Show these files".
    const clicked = await page.evaluate(() => {
      const at = Date.now();
      (document.querySelector('[data-testid="open-alone"]') as HTMLButtonElement).click();
      return at;
    });
    const loadedAt = Number(
      await (
        await page.waitForFunction(() => (document.querySelector('[data-testid="local-files-banner"]') ? Date.now() : false), undefined, {
          polling: 'raf',
          timeout: 300_000,
        })
      ).jsonValue(),
    );
    const banner = (await page.getByTestId('local-files-banner').textContent()) ?? '';
    let drawnMs: number | undefined;
    try {
      const drawnAt = await page.waitForFunction(
        (ids) => {
          const drawn = new Set((globalThis as ProbeHost).__flowgraph?.org?.nodeIds() ?? []);
          return ids.every((id) => drawn.has(id)) ? Date.now() : false;
        },
        expected,
        { polling: 'raf', timeout: 120_000 },
      );
      drawnMs = Number(await drawnAt.jsonValue()) - clicked;
    } catch {
      drawnMs = undefined;
    }
    return {
      what,
      files: Number(/(\d+) file\(s\)/.exec(banner)?.[1] ?? 0),
      flows: Number(/(\d+) flow\(s\)/.exec(banner)?.[1] ?? 0),
      loadedMs: loadedAt - clicked,
      bannerMs: Number((/in ([\d,]+) ms/.exec(banner)?.[1] ?? 'NaN').replace(/,/g, '')),
      drawnMs,
    };
  } finally {
    await context.close();
  }
}

/**
 * The flow ids the page should draw for a folder, from core's importers in Node (the page's worker
 * runs the same). Templated flows are known by their file path, which the page writes differently,
 * and need their Terraform: left out of the check.
 */
function expectedFlowIds(dir: string): string[] {
  const readAt = new Date().toISOString();
  const files = filesBelow(dir)
    .filter((path) => isFlowFileName(path) && !path.split('/').some(isSkippedEntry))
    .map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8'), readAt }));
  const set = new InputSet();
  set.update({ upsert: files });
  return [...set.load().graph.nodes.values()].filter((node) => node.kind === 'flow' && !node.id.includes('@')).map((node) => node.id);
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="graph"][data-ready="true"]') !== null, undefined, {
    timeout: 300_000,
  });
  await page.waitForFunction(() => (globalThis as ProbeHost).__flowgraph?.org?.settled() ?? false);
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Served {
  url: string;
  startMs: number;
  /** `/api/progress` events as they arrived. */
  events: ProgressEvent[];
  /** The server's log lines (stderr) as they arrived. */
  log: { at: number; line: string }[];
  stop(): Promise<void>;
}

/** `flowgraph serve <folder>` from the sources, as `pnpm flowgraph serve` runs it, with its progress stream followed. */
async function startServe(port: number, folder: string): Promise<Served> {
  const started = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@flowgraph/source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'serve', folder, '--port', String(port)],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  const log: Served['log'] = [];
  let pending = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) log.push({ at: Date.now(), line });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`flowgraph serve exited ${code}: ${log.map((entry) => entry.line).join('\n')}`)));
  });
  const startMs = Date.now() - started;
  const events: ProgressEvent[] = [];
  const stream = new AbortController();
  const response = await fetch(`${url}/api/progress`, { signal: stream.signal });
  const reading = (async () => {
    let buffer = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      for (const message of messages) {
        const data = message.split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push({ at: Date.now(), ...(JSON.parse(data.slice(6)) as Omit<ProgressEvent, 'at'>) });
      }
    }
  })().catch(() => {});
  return {
    url,
    startMs,
    events,
    log,
    async stop() {
      stream.abort();
      await reading;
      child.kill('SIGINT');
      await exited;
    },
  };
}
