import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  AnalysisContext,
  type AnalyzeOptions,
  analyze,
  BASELINE_FORMAT,
  type Baseline,
  BaselineSchema,
  createBaseline,
} from '@flowgraph/core';
import { isSnapshotRef } from '@flowgraph/store';
import { InputError } from '../errors.js';
import { describeFsError } from '@flowgraph/inputs';
import type { CliIo } from '../io.js';
import type { Progress } from '../render/progress-bar.js';
import { loadSide } from '../sources/diff-side.js';
import { loadSource, type SourceSettings } from '../sources/load-source.js';

/** Files this small are read whole to see whether they are a baseline; anything larger is an input. */
const BASELINE_SNIFF_BYTES = 64 * 1024 * 1024;

/**
 * `--baseline X`: a baseline file (`flowgraph baseline --out`), or anything the CLI reads as
 * input (a snapshot, a flow file, a folder), whose problems, analysed with the same options,
 * are the baseline, or a stored snapshot (`@3`, `@latest`, `@previous`).
 */
export async function loadBaseline(
  spec: string,
  options: { settings: SourceSettings; analyze: AnalyzeOptions },
  io: CliIo,
  progress: Progress,
): Promise<Baseline> {
  if (isSnapshotRef(spec)) {
    const side = await loadSide({ kind: 'store', ref: spec }, { settings: options.settings }, io, progress);
    return createBaseline(analyze(new AnalysisContext(side.graph), options.analyze), side.graph);
  }
  const path = resolve(io.cwd, spec);
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError(`cannot read --baseline ${spec}: ${describeFsError(error)}`);
  });
  if (info.isFile() && info.size <= BASELINE_SNIFF_BYTES) {
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new InputError(`cannot read --baseline ${spec}: ${describeFsError(error)}`);
    });
    if (text.slice(0, 200).includes(`"${BASELINE_FORMAT}"`)) return parseBaseline(text, spec);
  }
  progress.phase('reading the baseline');
  const loaded = await loadSource({ kind: 'files', paths: [spec] }, options.settings, io, progress);
  return createBaseline(analyze(new AnalysisContext(loaded.graph), options.analyze), loaded.graph);
}

export function parseBaseline(text: string, name: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'baseline';
    throw new InputError(`${name}: ${field}: ${issue?.message ?? 'invalid baseline'}`);
  }
  return parsed.data;
}
