import type { ResourceType } from '../../model/resource-types.js';

export interface TextReference {
  type: ResourceType;
  name?: string;
  id?: string;
}

/** Lookups by name whose argument, when a string literal, names a real object. */
const FIND_BY_NAME: Readonly<Record<string, ResourceType>> = {
  FindQueue: 'QUEUE',
  FindScheduleGroup: 'SCHEDULEGROUP',
  FindSchedule: 'SCHEDULE',
  FindEmergencyGroup: 'EMERGENCYGROUP',
  FindUserPrompt: 'USERPROMPT',
  FindSkill: 'ACDSKILL',
  FindLanguageSkill: 'ACDLANGUAGE',
  FindUser: 'USER',
  FindGroup: 'GROUP',
};

/** The `…ById` lookups: a literal argument is the object's id. */
const FIND_BY_ID: Readonly<Record<string, ResourceType>> = {
  FindQueueById: 'QUEUE',
  FindUserById: 'USER',
  FindGroupById: 'GROUP',
  FindSkillById: 'ACDSKILL',
};

// `(?<![\w.])` keeps `Flow.Prompt.x` out; `Prompt\.` cannot match `PromptSystem.`.
const PROMPT = /(?<![\w.])(Prompt|PromptSystem)\.([A-Za-z0-9_]+)/g;
const FIND_CALL = /(?<![\w.])(Find[A-Za-z]+)\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]/g;

/** Prompt tokens and literal `Find…("name")` calls anywhere in a scalar or an expression. */
export function referencesInText(text: string): TextReference[] {
  const found: TextReference[] = [];
  if (text.includes('Prompt')) {
    for (const match of text.matchAll(PROMPT)) {
      found.push({ type: match[1] === 'Prompt' ? 'USERPROMPT' : 'SYSTEMPROMPT', name: match[2]! });
    }
  }
  if (text.includes('Find')) {
    for (const match of text.matchAll(FIND_CALL)) {
      const fn = match[1]!;
      const literal = match[2]!.replace(/\\(.)/g, '$1');
      if (literal.trim() === '') continue;
      if (Object.hasOwn(FIND_BY_NAME, fn)) found.push({ type: FIND_BY_NAME[fn]!, name: literal });
      else if (Object.hasOwn(FIND_BY_ID, fn)) found.push({ type: FIND_BY_ID[fn]!, id: literal });
    }
  }
  return found;
}

/** True when an expression names its target through a literal lookup, already a reference. */
export function hasLiteralLookup(expression: string): boolean {
  return referencesInText(expression).some((reference) => reference.type !== 'USERPROMPT' && reference.type !== 'SYSTEMPROMPT');
}
