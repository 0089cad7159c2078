import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/importers/registry.js';
import { loadGraph } from '../../src/pipeline/load-graph.js';
import type { ImportUnit } from '../../src/importers/importer.js';
import { CORPUS_DIR, corpusFile, corpusFiles, isEncodedExportPath, isYamlPath, PAIRS } from './corpus.js';
import { reportSkip } from '../../../../testing/shared-data.js';
import { comparableNames, countBy, difference, errorsOf, isTemplated, percent, scorePair, stepGraph, warningKind } from './measures.js';

const context = { substitutions: {} };
const INVALID = [
  'GiLLBaTesx__deploy-ai-guides-terraform-blueprint/bot-flow.yaml',
  'GiLLBaTesx__deploy-ai-guides-terraform-blueprint/inbound-message-flow.yaml',
];

if (CORPUS_DIR === undefined) reportSkip('real flow corpus tests', 'FLOWGRAPH_CORPUS_DIR');

describe.skipIf(CORPUS_DIR === undefined)('[I] real flow corpus', () => {
  const files = corpusFiles().filter((file) => !file.path.endsWith('.md'));
  const units = new Map<string, ImportUnit>(files.map((file) => [file.path, importFile(file, context)]));

  it('imports every file, or names the file and the field of each error', () => {
    const rows: string[] = [];
    for (const [group, test] of [
      ['Archy YAML', isYamlPath],
      ['Architect export (.i3*)', isEncodedExportPath],
      ['decoded export JSON', (path: string) => path.endsWith('.decoded.json')],
    ] as const) {
      const groupUnits = [...units.values()].filter((unit) => test(unit.file));
      const count = (kind: string) => groupUnits.reduce((sum, unit) => sum + unit.nodes.filter((node) => node.kind === kind).length, 0);
      const withErrors = groupUnits.filter((unit) => errorsOf(unit).length > 0).map((unit) => unit.file);
      rows.push(
        `${group.padEnd(26)} files ${String(groupUnits.length).padStart(3)}  flows ${String(count('flow')).padStart(3)}  steps ${String(count('step')).padStart(4)}  references ${String(groupUnits.reduce((sum, unit) => sum + unit.references.length, 0)).padStart(4)}  files with errors ${withErrors.length}`,
      );
    }
    const all = [...units.values()];
    const vias = countBy(
      all.flatMap((unit) => unit.references),
      (reference) => reference.via,
    );
    console.log(
      `\nCorpus import (${files.length} files)\n${rows.join('\n')}\nreferences by via: ${[...vias].map(([via, n]) => `${via} ${n}`).join(', ')}`,
    );
    for (const unit of all)
      for (const error of errorsOf(unit)) console.log(`  error: ${unit.file}: ${error.field ?? ''}: ${error.message}`);

    expect(files.length).toBe(92 + 56 + 56);
    for (const unit of all) {
      expect(unit.format).not.toBe('unknown');
      for (const issue of unit.issues) expect(issue.file).toBe(unit.file);
      if (INVALID.includes(unit.file)) continue;
      expect(errorsOf(unit), unit.file).toEqual([]);
      expect(
        unit.nodes.filter((node) => node.kind === 'flow'),
        unit.file,
      ).toHaveLength(1);
    }
  });

  it('gives errors, not flows, for the two invalid deploy-ai-guides files', () => {
    for (const path of INVALID) {
      const unit = units.get(path)!;
      expect(unit.nodes).toEqual([]);
      expect(errorsOf(unit).length).toBeGreaterThan(0);
      expect(errorsOf(unit)[0]!.field).toMatch(/^inbound(Call\.states|Message)$/);
    }
  });

  it('finds in the YAML what the export manifest lists (queues, data actions, data tables, flows)', () => {
    const lines: string[] = [];
    const totals = {
      raw: { found: 0, expected: 0, correct: 0, extracted: 0 },
      suffixless: { found: 0, expected: 0, correct: 0, extracted: 0 },
    };
    for (const pair of PAIRS) {
      const yamlReferences = units.get(pair.yaml)!.references;
      const exportReferences = units.get(pair.exported)!.references;
      const templated = isTemplated(yamlReferences);
      for (const [mode, dropSuffix] of [
        ['raw', false],
        ['suffixless', true],
      ] as const) {
        const score = scorePair(comparableNames(yamlReferences, dropSuffix), comparableNames(exportReferences, dropSuffix));
        if (mode === 'raw') {
          lines.push(
            `${templated ? 'T' : ' '} ${pair.yaml.split('/')[1]!.padEnd(44)} recall ${percent(score.found, score.expected).padStart(6)} (${score.found}/${score.expected})  precision ${percent(score.extracted - score.extra.length, score.extracted).padStart(6)}` +
              (score.missed.length > 0 ? `  missed: ${score.missed.join('; ')}` : '') +
              (score.extra.length > 0 ? `  not in manifest: ${score.extra.join('; ')}` : ''),
          );
        }
        if (templated) continue;
        totals[mode].found += score.found;
        totals[mode].expected += score.expected;
        totals[mode].correct += score.extracted - score.extra.length;
        totals[mode].extracted += score.extracted;
      }
    }
    const { raw, suffixless } = totals;
    console.log(
      `\nYAML vs export manifest by normalised name (T = templated YAML, excluded from the totals)\n${lines.join('\n')}\n` +
        `not templated, names as written: recall ${percent(raw.found, raw.expected)}, precision ${percent(raw.correct, raw.extracted)}\n` +
        `not templated, import suffix "- Exported <date>" dropped: recall ${percent(suffixless.found, suffixless.expected)}, precision ${percent(suffixless.correct, suffixless.extracted)}`,
    );
    expect(suffixless.found / suffixless.expected).toBeGreaterThanOrEqual(0.95);
    expect(suffixless.correct / suffixless.extracted).toBeGreaterThanOrEqual(0.95);
    expect(raw.found / raw.expected).toBeGreaterThanOrEqual(0.85);
  });

  it('reads an encoded export and its decoded JSON the same way', () => {
    const encoded = units.get(PAIRS[0]!.exported)!;
    const decoded = corpusFile(`${PAIRS[0]!.exported}.decoded.json`);
    const fromDecoded = importFile({ path: encoded.file, text: decoded.text }, context);
    expect(fromDecoded).toEqual(encoded);
  });

  it('gives each YAML/export pair the same step graph, but for differences listed with their reason', () => {
    // What really differs between the two files of a pair, and why. Anything else is an importer bug.
    const KNOWN: Readonly<Record<string, { steps: [string[], string[]]; transitions: [string[], string[]]; why: string }>> = {
      'CacheExampleFlow.yaml': {
        steps: [['transfer to acd'], []],
        transitions: [['go to queue? -yes-> transfer to acd'], []],
        why: 'the transfer names its queue by the expression Task.Queue: a dynamic reference in YAML, nothing in the manifest',
      },
      'Trigger proactive callback workflow.yaml': {
        steps: [['send to proactive callback flow'], ['send to virtual hold flow']],
        transitions: [['(entry) --> send to proactive callback flow'], ['(entry) --> send to virtual hold flow']],
        why: 'version drift: the export (v1.0) names the transfer differently',
      },
      'Switch to Web Messaging via SMS.yaml': {
        steps: [[], ['play estimated wait time']],
        transitions: [['(entry) --> decision'], ['(entry) --> play estimated wait time', 'play estimated wait time --> decision']],
        why: 'the system prompts of playEstimatedWaitTime are implicit in YAML; the export manifest lists them, so that action is a step',
      },
    };
    const lines: string[] = [];
    for (const pair of PAIRS) {
      const yaml = stepGraph(units.get(pair.yaml)!);
      const exported = stepGraph(units.get(pair.exported)!);
      const steps = difference(yaml.steps, exported.steps);
      const transitions = difference(yaml.transitions, exported.transitions);
      const name = pair.yaml.split('/')[1]!;
      lines.push(
        `${name.padEnd(46)} YAML ${yaml.steps.length} steps / ${yaml.transitions.length} transitions, export ${exported.steps.length} / ${exported.transitions.length}${KNOWN[name] ? `  (known: ${KNOWN[name].why})` : ''}`,
      );
      const known = KNOWN[name] ?? { steps: [[], []], transitions: [[], []] };
      expect([steps.onlyA, steps.onlyB], name).toEqual(known.steps);
      expect([transitions.onlyA, transitions.onlyB], name).toEqual(known.transitions);
    }
    console.log(`\nStep graphs of the YAML/export pairs\n${lines.join('\n')}`);
  });

  it('makes one node per flow: as many as the files define, counted from the files themselves', () => {
    // Each file's flow type and name, read without the importers: YAML by its first lines, exports by decoding.
    const identities = new Map<string, string[]>();
    const templatedFiles: string[] = [];
    for (const file of files) {
      if (INVALID.includes(file.path)) continue;
      let type: string;
      let name: string;
      if (isYamlPath(file.path)) {
        const body = file.text.replace(/^(#.*|\s*|---)\n/gm, '');
        type = /^([A-Za-z]+):/
          .exec(body)![1]!
          .toUpperCase()
          .replace(/^BOTFLOW$/, 'BOT');
        name = /^\s+name:\s*(.+?)\s*$/m.exec(body)![1]!.replace(/^["']|["']$/g, '');
      } else {
        const json = file.text.trim().startsWith('{') ? file.text : decodeURIComponent(atob(file.text.trim()));
        const flow = JSON.parse(json) as { name: string; type: string };
        type = flow.type.toUpperCase();
        name = flow.name;
      }
      // A templated name is no name yet: each such file is a flow of its own.
      const templated = /\{\{|\$\{/.test(name);
      if (templated) templatedFiles.push(file.path);
      const key = templated ? `file:${file.path}` : `${type}:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
      identities.set(key, [...(identities.get(key) ?? []), file.path]);
    }
    const { graph } = loadGraph(files);
    const flows = [...graph.nodes.values()].filter((node) => node.kind === 'flow' && node.file !== undefined);
    expect(flows).toHaveLength(identities.size);
    const keys = graph.edges.map((edge) => [edge.source, edge.target, edge.kind, edge.via ?? '', edge.label ?? ''].join(' | '));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    const templatedFlows = flows.filter((flow) => (flow.templateVariables?.length ?? 0) > 0).map((flow) => flow.file);
    expect(templatedFlows.sort()).toEqual(templatedFiles.sort());
    console.log(
      `\nCorpus graph: ${flows.length} flows from ${files.length} files (${templatedFlows.length} templated, one per file), ${graph.edges.length} edges, none twice`,
    );
  });

  it('warns in documented kinds only, at most once per flow and kind', () => {
    const { issues } = loadGraph(files);
    const warnings = issues.filter((issue) => issue.severity === 'warning');
    expect(warnings.filter((issue) => warningKind(issue.message) === undefined)).toEqual([]);
    const keys = warnings.map((issue) => `${issue.file} | ${issue.flow ?? ''} | ${warningKind(issue.message)}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    const byKind = countBy(warnings, (issue) => warningKind(issue.message)!);
    console.log(`\nCorpus import warnings by kind: ${[...byKind].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  });
});
