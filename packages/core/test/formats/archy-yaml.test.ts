import { describe, expect, it } from 'vitest';
import { archyYamlImporter, importArchyData } from '../../src/importers/archy-yaml/index.js';
import type { ImportUnit } from '../../src/importers/importer.js';
import type { StepNode } from '../../src/model/graph.js';
import { reportSkip } from '../../../../testing/shared-data.js';
import { CORPUS_DIR, corpusFile } from './corpus.js';

if (CORPUS_DIR === undefined) reportSkip('one test on a real corpus file', 'FLOWGRAPH_CORPUS_DIR');

const parse = (text: string, substitutions: Record<string, string> = {}) =>
  archyYamlImporter.parse({ path: 'flow.yaml', text }, { substitutions });
const short = (id: string) => id.replace(/^yaml:[A-Z]+:[^:]+:/, '');
const transitions = (unit: ImportUnit) =>
  unit.edges
    .filter((edge) => edge.kind === 'transition')
    .map((edge) => `${short(edge.source)} -${edge.label ?? ''}-> ${short(edge.target)}`);
const targets = (unit: ImportUnit) =>
  unit.references.map(
    (r) =>
      `${short(r.from)} ${r.via} ${r.target.kind === 'dynamic' ? `dynamic ${r.target.type} ${r.target.expression}` : `${r.target.kind === 'flow' ? `flow ${r.target.types.join('|')}` : r.target.type} ${r.target.kind === 'resource' && r.target.category ? `${r.target.category}/` : ''}${r.target.name ?? r.target.id}`}`,
  );

const IVR = `
inboundCall:
  name: Main IVR
  startUpRef: ./menus/menu[main]
  menus:
    - menu:
        name: Main
        refId: main
        audio: { exp: "ToAudio(Prompt.Welcome)" }
        choices:
          - menuJumpToTask: { name: Go, dtmf: digit_1, targetTaskRef: "/inboundCall/tasks/task[Work_12]" }
          - menuTransferToAcd: { name: Sales, dtmf: digit_2, targetQueue: { lit: { name: Sales } }, overrideInQueueFlow: { name: Sales Hold } }
  tasks:
    - task:
        name: Work
        refId: Work_12
        actions:
          - callCommonModule:
              name: Lookup
              commonModule:
                CM Lookup:
                  ver_latestPublished:
                    inputs: { Common.x: { exp: Call.Ani } }
                    outputs: { Common.ok: { var: Task.ok } }
          - decision:
              name: OK?
              condition: { exp: Task.ok }
              outputs:
                yes:
                  actions:
                    - callData:
                        name: Fetch
                        category: { Web Services: { dataAction: { Get Account: { inputs: {} } } } }
                        outputs:
                          failure:
                            actions:
                              - jumpToMenu: { name: Back, targetMenuRef: './menus/menu[main]' }
                no:
                  actions:
                    - updateData: { name: Set, statements: [ { queue: { variable: Task.q, value: { lit: { name: Billing } } } } ] }
          - transferToAcd: { name: Queue, targetQueue: { exp: Task.q } }
`;

describe('[U] Archy YAML importer', () => {
  it('makes the flow, its containers and its branching and referencing actions steps, with labelled transitions', () => {
    const unit = parse(IVR);
    expect(unit.issues).toEqual([]);
    const flow = unit.nodes.find((node) => node.kind === 'flow');
    expect(flow).toMatchObject({
      id: 'yaml:INBOUNDCALL:main ivr',
      name: 'Main IVR',
      type: 'INBOUNDCALL',
      state: 'unknown',
      file: 'flow.yaml',
    });
    const steps = unit.nodes
      .filter((node): node is StepNode => node.kind === 'step')
      .map((step) => `${step.stepId} ${step.type} ${step.name}`);
    expect(steps).toEqual([
      'main menu Main',
      'Work_12 task Work',
      'main/1 menuTransferToAcd Sales',
      'Work_12/1 callCommonModule Lookup',
      'Work_12/2 decision OK?',
      'Work_12/3 callData Fetch',
      'Work_12/4 updateData Set',
      'Work_12/5 transferToAcd Queue',
    ]);
    expect(unit.edges.filter((edge) => edge.kind === 'contains')).toEqual([
      { source: 'yaml:INBOUNDCALL:main ivr', target: 'yaml:INBOUNDCALL:main ivr:main', kind: 'contains' },
    ]);
    expect(transitions(unit)).toEqual([
      'main -digit_1-> Work_12',
      'main -digit_2-> main/1',
      'Work_12 --> Work_12/1',
      'Work_12/1 --> Work_12/2',
      'Work_12/2 -yes-> Work_12/3',
      'Work_12/3 -failure-> main',
      // A queue literal makes updateData a step; callData's unwritten success path falls through.
      'Work_12/2 -no-> Work_12/4',
      'Work_12/3 --> Work_12/5',
      'Work_12/4 --> Work_12/5',
    ]);
  });

  it('records every reference at the step that makes it; module outputs are bindings, not paths', () => {
    expect(targets(parse(IVR))).toEqual([
      'main menu USERPROMPT Welcome',
      'main/1 menuTransferToAcd QUEUE Sales',
      'main/1 menuTransferToAcd flow INQUEUECALL Sales Hold',
      'Work_12/1 callCommonModule flow COMMONMODULE CM Lookup',
      'Work_12/3 callData DATAACTION Web Services/Get Account',
      'Work_12/4 updateData QUEUE Billing',
      'Work_12/5 transferToAcd dynamic QUEUE Task.q',
    ]);
  });

  it('normalises yes/no output keys that a YAML 1.1 reading turns into booleans', () => {
    const unit = parse(
      `%YAML 1.1\n---\nworkflow:\n  name: W\n  startUpRef: /workflow/states/state[S_1]\n  states:\n    - state:\n        name: S\n        refId: S_1\n        actions:\n          - decision:\n              name: D\n              outputs:\n                yes:\n                  actions:\n                    - dataTableLookup: { name: L, dataTable: { Cache: {} } }\n                no:\n                  actions:\n                    - endWorkflow: { name: End }\n`,
    );
    expect(transitions(unit)).toEqual(['S_1 --> S_1/1', 'S_1/1 -yes-> S_1/2']);
    expect(targets(unit)).toEqual(['S_1/2 dataTableLookup DATATABLE Cache']);
  });

  it('reads flow-level settings, lookups and literal Find calls as references of the flow or the step', () => {
    const unit = parse(`
outboundCall:
  name: Out
  settingsOutboundCall: { contactList: { lit: { name: Callbacks } }, wrapupCode: { lit: { name: No Answer } } }
  settingsInQueueCall: { holdMusic: { lit: { name: PromptSystem.on_hold_music } } }
  tasks:
    - task:
        name: T
        actions:
          - findQueue: { name: F, findName: { lit: Primary }, findResult: { var: Task.q } }
          - evaluateScheduleGroup:
              name: E
              scheduleGroup: { exp: ToScheduleGroup(NOT_SET) }
              emergencyGroup: { exp: 'FindEmergencyGroup("Evacuation")' }
          - transferToFlow: { name: X, targetFlow: { name: Main IVR } }
          - transferToFlowSecure: { name: S, targetFlow: { name: Pay } }
          - setScreenPop: { name: P, screenPopScript: { Agent Script: { inputs: {} } } }
`);
    expect(targets(unit)).toEqual([
      'T/1 findQueue QUEUE Primary',
      'T/2 evaluateScheduleGroup EMERGENCYGROUP Evacuation',
      'T/3 transferToFlow flow INBOUNDCALL|INQUEUECALL|SECURECALL|VOICE|VOICEMAIL Main IVR',
      'T/4 transferToFlowSecure flow SECURECALL Pay',
      'T/5 setScreenPop COMPOSERSCRIPT Agent Script',
      'yaml:OUTBOUNDCALL:out settingsOutboundCall CONTACTLIST Callbacks',
      'yaml:OUTBOUNDCALL:out settingsOutboundCall ACDWRAPUPCODE No Answer',
      'yaml:OUTBOUNDCALL:out settingsInQueueCall SYSTEMPROMPT on_hold_music',
    ]);
  });

  it('names the file, the flow and the YAML path of a bad action, and imports the rest', () => {
    const unit = parse(
      'inqueueCall:\n  name: Q\n  startUpTaskActions:\n    - holdMusic: { name: H, prompt: Prompt.Hold }\n    - 42\n    - transferToAcd: { name: T, targetQueue: { lit: { name: Q1 } } }\n  menus:\n    - task: {}\n',
    );
    expect(unit.issues).toEqual([
      { file: 'flow.yaml', flow: 'Q', field: 'inqueueCall.menus[0]', message: 'expected `- menu: {…}`; skipped', severity: 'error' },
      {
        file: 'flow.yaml',
        flow: 'Q',
        field: 'inqueueCall.startUpTaskActions[1]',
        message: 'expected an action as a one-key map (`- callData: {…}`); skipped',
        severity: 'warning',
      },
    ]);
    expect(targets(unit)).toEqual(['startUpTaskActions/1 holdMusic USERPROMPT Hold', 'startUpTaskActions/2 transferToAcd QUEUE Q1']);
    expect(unit.edges.find((edge) => edge.kind === 'contains')?.target).toBe('yaml:INQUEUECALL:q:startUpTaskActions');
  });

  it('reports a jump to a container that does not exist, a missing name and an unknown flow-type key', () => {
    const dangling = parse(
      "workflow:\n  name: W\n  states:\n    - state: { name: S, refId: S_1, actions: [ { changeState: { name: C, targetStateRef: '/workflow/states/state[Nope]' } } ] }\n",
    );
    expect(dangling.issues.map((issue) => `${issue.field}: ${issue.message}`)).toEqual([
      'workflow.states[0].state.actions[0].changeState.targetStateRef: "/workflow/states/state[Nope]" points at no state of this flow',
    ]);
    expect(parse('workflow:\n  description: no name\n').issues[0]).toMatchObject({ field: 'workflow.name', severity: 'error' });
    expect(parse('inQueueCall:\n  name: Q\n').issues[0]?.message).toContain('did you mean "inqueueCall"');
    expect(parse('{ not: [valid').issues[0]).toMatchObject({ severity: 'error', field: 'line 1' });
  });

  it('walks nesting far deeper than a recursive walk could (iterative, within its visit budget)', () => {
    const depth = 20_000;
    let actions: unknown[] = [{ disconnect: { name: 'End' } }];
    for (let level = 0; level < depth; level += 1) actions = [{ decision: { name: `D${level}`, outputs: { yes: { actions } } } }];
    const result = importArchyData({ workflow: { name: 'Deep', startUpTaskActions: actions } }, 'deep.yaml');
    expect(result.unit.issues).toEqual([]);
    expect(result.unit.nodes.filter((node) => node.kind === 'step')).toHaveLength(depth + 1);
    expect(result.unit.edges.filter((edge) => edge.label === 'yes')).toHaveLength(depth - 1);
    expect(result.visits).toBeLessThan(20 * depth);
  });

  it('reports, and does not throw on, YAML nested deeper than the YAML parser can read', () => {
    const actions = `${'[ { decision: { outputs: { yes: { actions: '.repeat(2000)}[]${' } } } } ]'.repeat(2000)}`;
    const unit = parse(`workflow: { name: Deep, startUpTaskActions: ${actions} }`);
    expect(unit.issues[0]).toMatchObject({ file: 'flow.yaml', severity: 'error', field: 'line 1' });
  });

  it('detects YAML by extension or by a first key that is a flow type', () => {
    expect(archyYamlImporter.detect({ path: 'x.yaml.tftpl', text: '' })).toBe(true);
    expect(archyYamlImporter.detect({ path: 'x.txt', text: '# exported\ninboundCall:\n  name: A' })).toBe(true);
    expect(archyYamlImporter.detect({ path: 'x.txt', text: 'name: A' })).toBe(false);
  });

  it.skipIf(CORPUS_DIR === undefined)('[I] imports a real menu IVR: startUpRef, menu choices and a jump back to the menu', () => {
    const unit = archyYamlImporter.parse(corpusFile('GenesysCloudBlueprints__dr-fallback-ivr/DR-Emergency-IVR.yaml'), {
      substitutions: {},
    });
    expect(unit.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(unit.edges.find((edge) => edge.kind === 'contains')?.target).toMatch(/:Startup Task_42$/);
    expect(transitions(unit).some((edge) => edge.endsWith('-> Main Menu_10'))).toBe(true);
  });
});

describe('[U] one warning per problem and flow', () => {
  it('joins warnings of one kind in one flow: the first names the others', () => {
    const text =
      'inboundCall:\n  name: Gaps\n  tasks:\n    - task:\n        name: Main\n        refId: Main_1\n        actions:\n          - 42\n          - nonsense\n          - [1, 2]\n          - jumpToTask:\n              targetTaskRef: "/inboundCall/tasks/task[Nowhere]"\n';
    const unit = archyYamlImporter.parse({ path: 'gaps.yaml', text }, { substitutions: {} });
    const warnings = unit.issues.filter((issue) => issue.severity === 'warning');
    expect(warnings.map((issue) => issue.message)).toEqual([
      'expected an action as a one-key map (`- callData: {…}`); skipped (and 2 more like it: inboundCall.tasks[0].task.actions[1]; inboundCall.tasks[0].task.actions[2])',
      '"/inboundCall/tasks/task[Nowhere]" points at no task of this flow',
    ]);
  });
});
