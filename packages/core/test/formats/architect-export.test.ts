import { describe, expect, it } from 'vitest';
import { architectExportImporter } from '../../src/importers/architect-export/index.js';
import { importArchitectConfiguration } from '../../src/importers/architect-flow/index.js';
import type { ImportUnit } from '../../src/importers/importer.js';
import { reportSkip } from '../../../../testing/shared-data.js';
import { CORPUS_DIR, corpusFile } from './corpus.js';

if (CORPUS_DIR === undefined) reportSkip('one test on a real corpus file', 'FLOWGRAPH_CORPUS_DIR');

const MERGE =
  'GenesysCloudBlueprints__merge-ephemeral-message-to-external-contact-blueprint/MergeExternalContactMessageFlow.i3InboundMessage';
const encode = (value: unknown) => btoa(encodeURIComponent(JSON.stringify(value)));
const action = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ id, name: id, __type: type, ...extra });

/** A small flow in Architect's internal JSON: a menu, a task with a decision, and a manifest. */
const FLOW = {
  name: 'Tiny IVR',
  type: 'inboundcall',
  initialSequence: 'menu',
  manifest: {
    queue: [{ name: 'Sales', id: 'q-1', context: [{ id: 'xfer', actionName: 'Transfer to ACD' }] }],
    dataAction: [{ name: 'Module Action', id: 'custom_-_1', context: [{ id: 'inside-module' }] }],
    ttsEngine: [{ name: 'Genesys TTS', id: 'tts' }],
  },
  flowSequenceItemList: [
    {
      id: 'menu',
      name: 'Main Menu',
      __type: 'Menu',
      menuChoiceList: [{ name: 'Go', digit: 1, action: action('choice', 'TaskAction', { taskReference: 'task' }) }],
    },
    {
      id: 'task',
      name: 'Work',
      __type: 'Task',
      startAction: 'set',
      actionList: [
        action('set', 'UpdateVariableAction', { nextAction: 'decide' }),
        action('decide', 'DecisionAction', {
          paths: [
            { label: 'Yes', outputId: '__YES__', nextActionId: 'xfer' },
            { label: 'No', outputId: '__NO__', nextActionId: 'loop' },
          ],
        }),
        action('loop', 'CallTaskAction', { taskReference: 'menu' }),
        action('xfer', 'TransferPureMatchAction'),
      ],
    },
  ],
};

const short = (unit: ImportUnit) =>
  unit.edges.map((edge) => `${edge.source.split(':').at(-1)} -${edge.label ?? ''}-> ${edge.target.split(':').at(-1)}`);

describe('[U] Architect export importer', () => {
  it('decodes base64(encodeURIComponent(JSON)) and reads sequences, menu choices, paths and references', () => {
    const unit = architectExportImporter.parse({ path: 'tiny.i3InboundFlow', text: encode(FLOW) }, { substitutions: {} });
    expect(unit.issues).toEqual([]);
    expect(unit.nodes.map((node) => `${node.kind} ${node.id} ${node.kind === 'flow' ? node.type : node.type}`)).toEqual([
      'flow export:INBOUNDCALL:tiny ivr INBOUNDCALL',
      'step export:INBOUNDCALL:tiny ivr:menu menu',
      'step export:INBOUNDCALL:tiny ivr:task task',
      'step export:INBOUNDCALL:tiny ivr:decide decision',
      'step export:INBOUNDCALL:tiny ivr:xfer transferToAcd',
    ]);
    // The menu choice and the plain updateData / callTask actions are folded into transitions.
    expect(short(unit)).toEqual([
      'menu -digit_1-> task',
      'task --> decide',
      'decide -yes-> xfer',
      'decide -no-> menu',
      'tiny ivr --> menu',
    ]);
    expect(unit.references).toEqual([
      {
        from: 'export:INBOUNDCALL:tiny ivr:xfer',
        via: 'transferToAcd',
        target: { kind: 'resource', type: 'QUEUE', id: 'q-1', name: 'Sales' },
        file: 'tiny.i3InboundFlow',
        field: 'manifest.queue[0]',
      },
      {
        from: 'export:INBOUNDCALL:tiny ivr',
        via: 'manifest.dataAction',
        target: { kind: 'resource', type: 'DATAACTION', id: 'custom_-_1', name: 'Module Action' },
        file: 'tiny.i3InboundFlow',
        field: 'manifest.dataAction[0]',
      },
    ]);
  });

  it.skipIf(CORPUS_DIR === undefined)('[I] takes flow references with ids from a real manifest, at the action that uses them', () => {
    const unit = architectExportImporter.parse(corpusFile(MERGE), { substitutions: {} });
    const flows = unit.references.filter((reference) => reference.target.kind === 'flow');
    expect(flows.map((r) => [r.via, r.target])).toEqual([
      ['callBotFlow', { kind: 'flow', types: ['BOT'], id: '3f9090cb-6765-42d6-81b6-516b735897ee', name: 'Merge External Contact Bot' }],
      ['callCommonModule', { kind: 'flow', types: ['COMMONMODULE'], id: '38caf8a4-076b-4a3d-a302-eec7955465fc', name: 'Resolve Contact' }],
    ]);
    expect(flows.every((r) => unit.nodes.some((node) => node.id === r.from && node.kind === 'step'))).toBe(true);
    // The module's own data actions are used inside the snapshotted module: they belong to the flow.
    expect(unit.references.filter((r) => r.via === 'manifest.dataAction')).toHaveLength(3);
  });

  it('names the file and the field of what is wrong, and imports the rest', () => {
    const broken = structuredClone(FLOW) as { flowSequenceItemList: unknown[] };
    broken.flowSequenceItemList.push({ name: 'no id' });
    (broken.flowSequenceItemList[1] as { actionList: unknown[] }).actionList.push('nonsense');
    const unit = architectExportImporter.parse({ path: 'b.json', text: JSON.stringify(broken) }, { substitutions: {} });
    expect(unit.issues.map((issue) => [issue.severity, issue.flow, issue.field])).toEqual([
      ['warning', 'Tiny IVR', 'flowSequenceItemList[1].actionList[4]'],
      ['error', 'Tiny IVR', 'flowSequenceItemList[2]'],
    ]);
    expect(unit.nodes).toHaveLength(5);
    expect(architectExportImporter.parse({ path: 'x.i3WorkFlow', text: '%%%' }, { substitutions: {} }).issues).toEqual([
      { file: 'x.i3WorkFlow', message: 'not base64: an Architect export is base64 of URL-encoded JSON', severity: 'error' },
    ]);
    expect(
      architectExportImporter.parse({ path: 'x.i3WorkFlow', text: encode({ name: 'x' }) }, { substitutions: {} }).issues[0],
    ).toMatchObject({ field: 'flowSequenceItemList', severity: 'error' });
  });

  it('detects exports by name, by encoded content, and decoded JSON by its keys', () => {
    expect(architectExportImporter.detect({ path: 'InQueue_v2-0.i3InQueueFlow.i3flow', text: '' })).toBe(true);
    expect(architectExportImporter.detect({ path: 'flow.txt', text: encode(FLOW) })).toBe(true);
    expect(architectExportImporter.detect({ path: 'flow.json', text: JSON.stringify(FLOW) })).toBe(true);
    expect(architectExportImporter.detect({ path: 'flows.json', text: '{"flows": []}' })).toBe(false);
  });

  it('imports a latestconfiguration into an existing flow without a second flow node', () => {
    const unit = importArchitectConfiguration(FLOW, { file: 'live:org', flowId: 'f-123' });
    expect(unit.issues).toEqual([]);
    expect(unit.nodes.every((node) => node.kind === 'step' && node.flowId === 'f-123')).toBe(true);
    expect(unit.edges).toContainEqual({ source: 'f-123', target: 'f-123:menu', kind: 'contains' });
    expect(unit.references[0]).toMatchObject({ from: 'f-123:xfer', target: { id: 'q-1' } });
    expect(importArchitectConfiguration(null, { file: 'live:org', flowId: 'f-9' }).issues[0]).toMatchObject({
      file: 'live:org',
      field: 'configurations.f-9',
      severity: 'error',
    });
  });
});
