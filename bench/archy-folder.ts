/**
 * A CX-as-Code style folder of Archy YAML for `pnpm bench serve`: the simulator's demo org (the
 * shape the web app's demo shows: inbound flows calling common modules, bots and each other,
 * queues, data actions, data tables, prompts, schedules, with its planted cycle and deleted data
 * action) written as one YAML file per flow, `<type key>/<name>.yaml`, with every reference of the
 * flow's published version as the Archy action that carries it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrg, type SimulatedOrg, type SimulatedReference } from '@flowgraph/simulator';

/** The Archy top-level key of each flow type the demo org has (archy-yaml/flow-type-keys.ts, inverted). */
const TYPE_KEYS: Readonly<Record<string, string>> = {
  INBOUNDCALL: 'inboundCall',
  INQUEUECALL: 'inqueueCall',
  INBOUNDSHORTMESSAGE: 'inboundShortMessage',
  INBOUNDEMAIL: 'inboundEmail',
  INBOUNDCHAT: 'inboundChat',
  OUTBOUNDCALL: 'outboundCall',
  SECURECALL: 'secureCall',
  WORKFLOW: 'workflow',
  COMMONMODULE: 'commonModule',
  BOT: 'botFlow',
  DIGITALBOT: 'digitalBot',
  SURVEYINVITE: 'surveyInvite',
  WORKITEM: 'workitem',
  INQUEUEEMAIL: 'inqueueEmail',
  INQUEUESHORTMESSAGE: 'inqueueShortMessage',
  VOICEMAIL: 'voicemail',
};

/** Workflows are state machines in Archy; the other flow types here start with a task. */
const STATE_FLOWS = new Set(['WORKFLOW', 'WORKITEM']);

export interface FolderFlow {
  /** Relative to the folder. */
  file: string;
  name: string;
  type: string;
  /** Flows this one calls or transfers to (by name and type), as written. */
  calls: { name: string; type: string }[];
}

export interface ArchyFolder {
  dir: string;
  flows: FolderFlow[];
  files: number;
  bytes: number;
  /** The demo org's planted cycle (two inbound call flows transferring to each other), by name. */
  plantedCycle: [string, string];
}

/** Writes the demo org of about `flows` flows (deleted flows left out) into `dir`. */
export function writeArchyFolder(dir: string, flows: number, seed = 42): ArchyFolder {
  const org = generateOrg({ flows, seed });
  const deleted = new Set(org.planted.deletedFlowIds);
  const written: FolderFlow[] = [];
  const used = new Set<string>();
  let bytes = 0;
  for (const flow of org.flows) {
    if (deleted.has(flow.entity.id)) continue;
    const type = flow.entity.type;
    const key = TYPE_KEYS[type];
    if (key === undefined) throw new Error(`no Archy key for flow type ${type}`);
    const references = flow.versions.at(-1)?.references ?? [];
    const actions = references.flatMap((reference) => action(org, reference));
    const calls = references.flatMap((reference) => {
      const target = org.flowsById.get(reference.targetId);
      return target ? [{ name: target.entity.name, type: target.entity.type }] : [];
    });
    const text = flowYaml(key, STATE_FLOWS.has(type), flow.entity.name, actions);
    let file = `${key}/${slug(flow.entity.name)}.yaml`;
    for (let n = 2; used.has(file); n++) file = `${key}/${slug(flow.entity.name)}-${n}.yaml`;
    used.add(file);
    mkdirSync(join(dir, key), { recursive: true });
    writeFileSync(join(dir, file), text);
    bytes += Buffer.byteLength(text);
    written.push({ file, name: flow.entity.name, type, calls });
  }
  const nameOf = (id: string) => org.flowsById.get(id)?.entity.name ?? id;
  return { dir, flows: written, files: written.length, bytes, plantedCycle: [nameOf(org.planted.cycle[0]), nameOf(org.planted.cycle[1])] };
}

function flowYaml(key: string, states: boolean, name: string, actions: string[][]): string {
  const [list, item, ref] = states ? ['states', 'state', 'Initial_1'] : ['tasks', 'task', 'Start_1'];
  const indent = (lines: string[], by: string) => lines.map((line) => `${by}${line}`);
  // Transfers end the flow: they go last, in the "no" branch of an opening-hours check, as people write them.
  const transfers = actions.filter((lines) => /^- transferTo/.test(lines[0] ?? ''));
  const rest = actions.filter((lines) => !transfers.includes(lines));
  const body = [
    '- updateData:',
    '    name: Set context',
    '    statements:',
    '      - string:',
    '          variable: Flow.Context',
    '          value:',
    `            lit: ${q(name)}`,
    ...rest.flat(),
    '- decision:',
    '    name: Caller known',
    '    condition:',
    '      exp: IsSet(Flow.Context)',
    '    outputs:',
    '      "no":',
    '        actions:',
    ...indent(transfers.flat(), '          '),
    states ? '- endWorkflow:' : '- disconnect:',
    `    name: ${states ? 'End' : 'Goodbye'}`,
  ];
  if (transfers.length === 0) body.splice(body.indexOf('- decision:'), 7);
  return [
    `${key}:`,
    `  name: ${q(name)}`,
    '  description: Written by pnpm bench serve from the demo org',
    '  division: Home',
    `  startUpRef: "/${key}/${list}/${item}[${ref}]"`,
    '  defaultLanguage: en-us',
    `  ${list}:`,
    `    - ${item}:`,
    `        name: ${states ? 'Initial' : 'Start'}`,
    `        refId: ${ref}`,
    '        actions:',
    ...indent(body, '          '),
    '',
  ].join('\n');
}

/** The Archy action carrying one reference, as YAML lines starting `- <action>:`. */
function action(org: SimulatedOrg, reference: SimulatedReference): string[][] {
  const flow = org.flowsById.get(reference.targetId);
  const resource = org.resourcesById.get(reference.targetId);
  const name = flow?.entity.name ?? resource?.name;
  if (name === undefined) return [];
  switch (reference.via) {
    case 'callData':
      return [
        [
          '- callData:',
          `    name: ${q(`Call ${name}`)}`,
          '    category:',
          `      ${q(resource?.category ?? 'Web Services Data Actions')}:`,
          '        dataAction:',
          `          ${q(name)}:`,
          '            inputs:',
          '              conversationId:',
          '                exp: Flow.ConversationId',
        ],
      ];
    case 'dataTableLookup':
      return [
        [
          '- dataTableLookup:',
          `    name: ${q(`Look up ${name}`)}`,
          '    lookupValue:',
          '      exp: ToString(Call.Ani)',
          '    dataTable:',
          `      ${q(name)}:`,
          '        foundOutputs: {}',
        ],
      ];
    case 'transferToAcd':
    case 'overrideInQueueFlow':
      if (reference.via === 'overrideInQueueFlow') {
        // Only an in-queue call flow can be named here (Archy's transferToAcd override).
        if (flow?.entity.type !== 'INQUEUECALL') return [];
        return [
          [
            '- transferToAcd:',
            `    name: ${q(`Queue with ${name}`)}`,
            '    targetQueue:',
            '      exp: Flow.Queue',
            '    overrideInQueueFlow:',
            `      name: ${q(name)}`,
          ],
        ];
      }
      return [['- transferToAcd:', `    name: ${q(`To ${name}`)}`, '    targetQueue:', '      lit:', `        name: ${q(name)}`]];
    case 'playAudio': {
      const token = `${resource?.type === 'SYSTEMPROMPT' ? 'PromptSystem' : 'Prompt'}.${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
      return [['- playAudio:', `    name: ${q(`Play ${name}`)}`, '    audio:', `      exp: ToAudio(${token})`]];
    }
    case 'evaluateScheduleGroup': {
      const slot = resource?.type === 'EMERGENCYGROUP' ? 'emergencyGroup' : 'scheduleGroup';
      return [['- evaluateScheduleGroup:', `    name: ${q(`Check ${name}`)}`, `    ${slot}:`, '      lit:', `        name: ${q(name)}`]];
    }
    case 'evaluateSchedule':
      return [
        ['- evaluateSchedule:', `    name: ${q(`Check ${name}`)}`, '    selectedSchedule:', '      lit:', `        name: ${q(name)}`],
      ];
    case 'callCommonModule':
      return [calledFlow('callCommonModule', 'commonModule', name)];
    case 'callBotFlow':
      return [
        flow?.entity.type === 'DIGITALBOT'
          ? calledFlow('callDigitalBotFlow', 'digitalBotFlow', name)
          : calledFlow('callBotFlow', 'botFlow', name),
      ];
    case 'transferToFlow': {
      const secure = flow?.entity.type === 'SECURECALL';
      return [
        [
          `- ${secure ? 'transferToFlowSecure' : 'transferToFlow'}:`,
          `    name: ${q(`To ${name}`)}`,
          '    targetFlow:',
          `      name: ${q(name)}`,
        ],
      ];
    }
  }
}

/**
 * The lines to add to `from`'s file so that it calls `to`: the action Archy uses for `to`'s type
 * (a common module is called, a bot flow is called, a call flow is transferred to). Indented to
 * sit in the start task's action list, before its last action.
 */
export function callLines(to: { name: string; type: string }): string {
  const lines =
    to.type === 'COMMONMODULE'
      ? calledFlow('callCommonModule', 'commonModule', to.name)
      : to.type === 'BOT'
        ? calledFlow('callBotFlow', 'botFlow', to.name)
        : ['- transferToFlow:', `    name: ${q(`To ${to.name}`)}`, '    targetFlow:', `      name: ${q(to.name)}`];
  return lines.map((line) => `          ${line}\n`).join('');
}

/** A call to another flow: Archy names the callee as a key holding its version. */
function calledFlow(action: string, key: string, name: string): string[] {
  return [
    `- ${action}:`,
    `    name: ${q(`Call ${name}`)}`,
    `    ${key}:`,
    `      ${q(name)}:`,
    '        ver_latestPublished:',
    '          inputs: {}',
  ];
}

/** The flow types a `callLines` edit can name. */
export const CALLABLE_TYPES: ReadonlySet<string> = new Set(['COMMONMODULE', 'BOT', 'INBOUNDCALL', 'INQUEUECALL', 'VOICEMAIL']);

function q(text: string): string {
  return JSON.stringify(text);
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'flow';
}
