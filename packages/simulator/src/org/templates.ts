import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ReferenceVia } from './types.js';

/**
 * The committed corpus templates (scripts/extract-corpus-templates.ts). Read once, lazily; the
 * simulator never touches ../shared at runtime.
 */
const ActionSchema = z.looseObject({ __type: z.string(), id: z.string(), name: z.string().optional() });
export type TemplateAction = z.infer<typeof ActionSchema>;

const SequenceItemSchema = z.looseObject({
  __type: z.string(),
  id: z.string(),
  name: z.string(),
  actionList: z.array(ActionSchema).optional(),
  menuChoiceList: z.array(z.looseObject({ action: ActionSchema.optional() })).optional(),
});
export type TemplateSequenceItem = z.infer<typeof SequenceItemSchema>;

const TemplateSchema = z.object({
  source: z.string(),
  name: z.string(),
  type: z.string(),
  defaultLanguage: z.string(),
  supportedLanguages: z.array(z.string()),
  initialSequence: z.string().nullable(),
  flowSequenceItemList: z.array(SequenceItemSchema),
  variables: z.array(z.unknown()),
});
export type CorpusTemplate = z.infer<typeof TemplateSchema>;

const TemplateFileSchema = z.object({
  comment: z.string(),
  templates: z.array(TemplateSchema).min(1),
  names: z.object({
    flows: z.record(z.string(), z.array(z.string())),
    dataActions: z.array(z.object({ name: z.string(), category: z.string() })),
    dataTables: z.array(z.string()),
    queues: z.array(z.string()),
    userPrompts: z.array(z.string()),
    systemPrompts: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
});
export type CorpusNames = z.infer<typeof TemplateFileSchema>['names'];

/** Action `__type`s that carry a reference, and the Archy action they correspond to. */
export const SLOT_ACTIONS: Readonly<Record<string, ReferenceVia>> = {
  DataAction: 'callData',
  DataTableLookupAction: 'dataTableLookup',
  TransferPureMatchAction: 'transferToAcd',
  CallCommonModuleAction: 'callCommonModule',
  CallBotFlowAction: 'callBotFlow',
  TransferFlowAction: 'transferToFlow',
};

export interface LoadedTemplate extends CorpusTemplate {
  /** The references this template's own actions make, in document order. */
  slots: ReferenceVia[];
  /** `{initialSequence, flowSequenceItemList, variables}` serialised once: configurations are built by remapping ids in this text. */
  text: string;
}

export interface CorpusData {
  templates: LoadedTemplate[];
  names: CorpusNames;
}

/** Every action of a template in document order: task/state actions, then menu choices. */
export function* templateActions(items: readonly TemplateSequenceItem[]): Generator<TemplateAction> {
  for (const item of items) {
    for (const action of item.actionList ?? []) yield action;
    for (const choice of item.menuChoiceList ?? []) if (choice.action) yield choice.action;
  }
}

let cached: CorpusData | undefined;

export function loadCorpus(): CorpusData {
  if (cached) return cached;
  const path = new URL('./corpus-templates.json', import.meta.url);
  const parsed = TemplateFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`simulator/templates: ${path.pathname} is invalid: ${parsed.error.message}`);
  }
  const templates = parsed.data.templates.map((template) => {
    const slots: ReferenceVia[] = [];
    for (const action of templateActions(template.flowSequenceItemList)) {
      const via = SLOT_ACTIONS[action.__type];
      if (via) slots.push(via);
    }
    const { initialSequence, flowSequenceItemList, variables } = template;
    return { ...template, slots, text: JSON.stringify({ initialSequence, flowSequenceItemList, variables }) };
  });
  cached = { templates, names: parsed.data.names };
  return cached;
}
