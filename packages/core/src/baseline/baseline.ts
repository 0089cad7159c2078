import { z } from 'zod';
import { compareStrings } from '../util/compare.js';
import { findingKey, identifyingRelated } from '../analysis/findings/identity.js';
import type { AnalysisResult, Finding } from '../analysis/result.js';
import type { FlowGraph } from '../model/graph.js';

/**
 * A baseline: the problems a team has accepted for now, committed next to its flows (like
 * dependency-cruiser's known-violations file), so that CI fails only on new ones. Small and
 * stable: one entry per problem, sorted, no messages that would change with every run.
 * Documented in docs/history-and-ci.md.
 */
export const BASELINE_FORMAT = 'flowgraph-baseline';
export const BASELINE_VERSION = 1;

export const BaselineEntrySchema = z.object({
  code: z.string().min(1),
  subject: z.string().min(1),
  /** The ids that are part of the problem's identity: a cycle's members, the object a published flow uses. */
  related: z.array(z.string()).optional(),
  /** For people reading the file; never compared. */
  name: z.string().optional(),
});
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;

export const BaselineSchema = z.object({
  format: z.literal(BASELINE_FORMAT),
  version: z.literal(BASELINE_VERSION),
  createdAt: z.string().optional(),
  problems: z.array(BaselineEntrySchema),
});
export type Baseline = z.infer<typeof BaselineSchema>;

/** Findings below this are not problems a gate fails on, so a baseline does not record them. */
function isProblem(finding: Finding): boolean {
  return finding.severity !== 'info';
}

/** The baseline of an analysis: its error and warning findings, by identity, sorted. */
export function createBaseline(result: Pick<AnalysisResult, 'findings'>, graph?: FlowGraph, createdAt?: string): Baseline {
  const seen = new Set<string>();
  const problems: BaselineEntry[] = [];
  for (const finding of result.findings) {
    if (!isProblem(finding)) continue;
    const key = findingKey(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    const related = identifyingRelated(finding);
    const name = graph?.nodes.get(finding.subject)?.name;
    problems.push({ code: finding.code, subject: finding.subject, ...(related.length > 0 ? { related } : {}), ...(name ? { name } : {}) });
  }
  problems.sort((a, b) => compareStrings(findingKey(a), findingKey(b)));
  return { format: BASELINE_FORMAT, version: BASELINE_VERSION, ...(createdAt ? { createdAt } : {}), problems };
}

/** Indented like any JSON file, but one problem per line, so a change to the baseline reads as a one-line diff. */
export function serializeBaseline(baseline: Baseline): string {
  const head = [`  "format": ${JSON.stringify(baseline.format)},`, `  "version": ${baseline.version},`];
  if (baseline.createdAt) head.push(`  "createdAt": ${JSON.stringify(baseline.createdAt)},`);
  const problems = baseline.problems.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return `{\n${head.join('\n')}\n  "problems": [${problems === '' ? '' : `\n${problems}\n  `}]\n}\n`;
}

export interface BaselineComparison {
  /** Problems not in the baseline: what a gate fails on (when error-level). */
  introduced: Finding[];
  /** Problems the baseline already lists: reported as existing, never failing. */
  existing: Finding[];
  /** Baseline entries no longer found: fixed since, the baseline can be tightened. */
  fixed: BaselineEntry[];
}

/** Sorts an analysis' findings against a baseline by identity (code, subject, identifying members). */
export function compareWithBaseline(findings: readonly Finding[], baseline: Pick<Baseline, 'problems'>): BaselineComparison {
  const known = new Map(baseline.problems.map((entry) => [findingKey(entry), entry]));
  const introduced: Finding[] = [];
  const existing: Finding[] = [];
  const stillThere = new Set<string>();
  for (const finding of findings) {
    const key = findingKey(finding);
    if (known.has(key)) {
      existing.push(finding);
      stillThere.add(key);
    } else if (isProblem(finding)) {
      introduced.push(finding);
    }
  }
  const fixed = [...known].filter(([key]) => !stillThere.has(key)).map(([, entry]) => entry);
  return { introduced, existing, fixed };
}

/** What a gate with a baseline fails on: an error-level problem the baseline does not list. */
export function hasNewBlockingProblems(comparison: BaselineComparison): boolean {
  return comparison.introduced.some((finding) => finding.severity === 'error');
}
