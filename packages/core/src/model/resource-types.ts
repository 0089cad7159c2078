/**
 * Resource types use the dependency-tracking object type names of the real API
 * (`/api/v2/architect/dependencytracking/types`), so a snapshot maps one to one.
 * `UNKNOWN` is a reference only a runtime expression names (e.g. `targetQueue: {exp: Task.Queue}`).
 */
export const RESOURCE_TYPES = [
  'DATAACTION',
  'DATATABLE',
  'QUEUE',
  'USERPROMPT',
  'SYSTEMPROMPT',
  'SCHEDULE',
  'SCHEDULEGROUP',
  'EMERGENCYGROUP',
  'INTEGRATION',
  'ACDSKILL',
  'ACDLANGUAGE',
  'ACDWRAPUPCODE',
  'LANGUAGE',
  'CONTACTLIST',
  'COMPOSERSCRIPT',
  'KNOWLEDGEBASE',
  'NLUDOMAIN',
  'GRAMMAR',
  'USER',
  'GROUP',
  'WORKTYPE',
  'RESPONSE',
  'DIALOGFLOWAGENT',
  'TTSENGINE',
  'TTSVOICE',
  'STTENGINE',
  // Any other dependency-tracking type; the raw name is kept in ResourceNode.rawType.
  'OTHER',
  'UNKNOWN',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export function toResourceType(dependencyType: string): ResourceType {
  const upper = dependencyType.toUpperCase();
  return (RESOURCE_TYPES as readonly string[]).includes(upper) ? (upper as ResourceType) : 'OTHER';
}
