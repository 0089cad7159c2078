import type { Random } from '../random.js';
import type { NameBook } from './names.js';
import type { CorpusNames } from './templates.js';
import type { ResourceType, SimulatedResource } from './types.js';

/** The API path each resource type lives under, for `selfUri` (Platform API v2 resource paths). */
const SELF_URI_PREFIX: Record<ResourceType, string> = {
  DATAACTION: '/api/v2/integrations/actions/',
  DATATABLE: '/api/v2/flows/datatables/',
  QUEUE: '/api/v2/routing/queues/',
  USERPROMPT: '/api/v2/architect/prompts/',
  SYSTEMPROMPT: '/api/v2/architect/systemprompts/',
  SCHEDULE: '/api/v2/architect/schedules/',
  SCHEDULEGROUP: '/api/v2/architect/schedulegroups/',
  EMERGENCYGROUP: '/api/v2/architect/emergencygroups/',
};

// The public corpus has no schedules, schedule groups or emergency groups, and few tables and
// prompts; these bases are the names such objects typically get.
const EXTRA_BASES: Partial<Record<ResourceType, string[]>> = {
  DATATABLE: ['Holiday Calendar', 'VIP Callers', 'Routing Config', 'Branch Directory', 'Language Map'],
  QUEUE: ['Billing', 'Technical Support', 'Sales', 'Retentions', 'Claims'],
  USERPROMPT: ['WelcomeMessage', 'ClosedMessage', 'HolidayGreeting', 'MainMenuPrompt', 'PleaseHold', 'SurveyIntro'],
  SCHEDULE: ['Weekdays 8-18', 'Saturday 9-13', 'Christmas Day', 'New Year', 'Maintenance Window'],
  SCHEDULEGROUP: ['Contact Centre Hours', 'Support Hours', 'Sales Hours', 'Billing Hours'],
  EMERGENCYGROUP: ['Building Evacuation', 'System Outage', 'Severe Weather'],
};

const SYSTEM_PROMPTS = ['voicemail_greeting', 'on_hold_music', 'processing', 'estimated_wait_time_about'];

export type ResourcePools = Record<ResourceType, SimulatedResource[]>;

export function generateResources(flowCount: number, random: Random, names: NameBook, corpus: CorpusNames): ResourcePools {
  const scaled = (share: number, minimum: number) => Math.max(minimum, Math.round(flowCount * share));
  const make = (type: ResourceType, id: string, name: string, category?: string): SimulatedResource => ({
    id,
    name,
    type,
    selfUri: `${SELF_URI_PREFIX[type]}${id}`,
    deleted: false,
    ...(category === undefined ? {} : { category }),
  });
  const many = (type: ResourceType, count: number, bases: string[]) =>
    Array.from({ length: count }, () => make(type, random.uuid(), names.take(bases)));

  const categories = [...new Set(corpus.dataActions.map((action) => action.category))];
  const dataActions = Array.from({ length: scaled(0.3, 12) }, () => {
    const base = random.pick(corpus.dataActions);
    // Data action ids carry the integration kind prefix, as in real exports (`custom_-_<uuid>`).
    return make(
      'DATAACTION',
      `custom_-_${random.uuid()}`,
      names.take([base.name]),
      random.chance(0.8) ? base.category : random.pick(categories),
    );
  });
  const systemNames = [...new Set([...corpus.systemPrompts.map((prompt) => prompt.name), ...SYSTEM_PROMPTS])];
  return {
    DATAACTION: dataActions,
    DATATABLE: many('DATATABLE', scaled(0.05, 4), [...corpus.dataTables, ...(EXTRA_BASES.DATATABLE ?? [])]),
    QUEUE: many('QUEUE', scaled(0.12, 8), [...corpus.queues, ...(EXTRA_BASES.QUEUE ?? [])]),
    USERPROMPT: many('USERPROMPT', scaled(0.1, 6), [...corpus.userPrompts, ...(EXTRA_BASES.USERPROMPT ?? [])]),
    // System prompts are the same in every org and keyed by name (`__on_hold_music__` in manifests).
    SYSTEMPROMPT: systemNames.map((name) => make('SYSTEMPROMPT', `__${name}__`, name)),
    SCHEDULE: many('SCHEDULE', scaled(0.04, 4), EXTRA_BASES.SCHEDULE ?? []),
    SCHEDULEGROUP: many('SCHEDULEGROUP', scaled(0.03, 3), EXTRA_BASES.SCHEDULEGROUP ?? []),
    EMERGENCYGROUP: many('EMERGENCYGROUP', scaled(0.01, 2), EXTRA_BASES.EMERGENCYGROUP ?? []),
  };
}
