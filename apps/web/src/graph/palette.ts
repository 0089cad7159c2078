/**
 * The colours and shapes of node categories: one table read by the stylesheet and the legend,
 * so what the legend says is what the graph draws.
 */
export interface Category {
  /** Node `type` values this category covers. */
  types: readonly string[];
  label: string;
  colour: string;
  shape: 'round-rectangle' | 'ellipse' | 'hexagon' | 'barrel' | 'tag' | 'diamond' | 'round-triangle' | 'rectangle';
}

const FLOW_CATEGORIES: readonly Category[] = [
  { types: ['INBOUNDCALL', 'SECURECALL', 'VOICE'], label: 'Inbound call', colour: '#2563eb', shape: 'round-rectangle' },
  { types: ['INQUEUECALL', 'INQUEUEEMAIL', 'INQUEUESHORTMESSAGE'], label: 'In-queue', colour: '#0891b2', shape: 'round-rectangle' },
  { types: ['COMMONMODULE'], label: 'Common module', colour: '#7c3aed', shape: 'round-rectangle' },
  { types: ['BOT', 'DIGITALBOT', 'SPEECH'], label: 'Bot', colour: '#db2777', shape: 'round-rectangle' },
  {
    types: ['INBOUNDCHAT', 'INBOUNDEMAIL', 'INBOUNDSHORTMESSAGE', 'EMAILSEND'],
    label: 'Messaging',
    colour: '#16a34a',
    shape: 'round-rectangle',
  },
  { types: ['WORKFLOW', 'WORKITEM'], label: 'Workflow', colour: '#ea580c', shape: 'round-rectangle' },
  {
    types: ['OUTBOUNDCALL', 'SURVEYINVITE', 'VOICESURVEY', 'VOICEMAIL'],
    label: 'Outbound / survey',
    colour: '#ca8a04',
    shape: 'round-rectangle',
  },
  { types: ['UNKNOWN'], label: 'Other flow', colour: '#475569', shape: 'round-rectangle' },
];

const RESOURCE_CATEGORIES: readonly Category[] = [
  { types: ['DATAACTION', 'INTEGRATION'], label: 'Data action', colour: '#0d9488', shape: 'hexagon' },
  { types: ['DATATABLE'], label: 'Data table', colour: '#65a30d', shape: 'barrel' },
  { types: ['QUEUE', 'ACDSKILL', 'ACDLANGUAGE', 'ACDWRAPUPCODE'], label: 'Queue / routing', colour: '#b45309', shape: 'tag' },
  { types: ['USERPROMPT', 'SYSTEMPROMPT', 'TTSVOICE', 'TTSENGINE'], label: 'Prompt', colour: '#64748b', shape: 'ellipse' },
  { types: ['SCHEDULE', 'SCHEDULEGROUP', 'EMERGENCYGROUP'], label: 'Schedule', colour: '#9333ea', shape: 'diamond' },
];

/** Anything not in a table above: flows keep the flow shape, resources a neutral ellipse. */
const OTHER_RESOURCE: Category = { types: [], label: 'Other resource', colour: '#94a3b8', shape: 'ellipse' };

/** Step kinds inside a flow (the step view). */
const STEP_CATEGORIES: readonly Category[] = [
  { types: ['menu'], label: 'Menu', colour: '#7c3aed', shape: 'diamond' },
  { types: ['task', 'state'], label: 'Task / state', colour: '#2563eb', shape: 'round-rectangle' },
  { types: ['bot'], label: 'Bot', colour: '#db2777', shape: 'round-rectangle' },
];
const STEP_ACTION: Category = { types: [], label: 'Action', colour: '#64748b', shape: 'ellipse' };

export const INTERACTION_COLOURS = {
  selected: '#0f172a',
  downstream: '#f59e0b',
  upstream: '#0ea5e9',
  cycle: '#dc2626',
  error: '#dc2626',
  // Violet, not yellow: yellow and the downstream amber were 11.8 CIE76 apart under deuteranopia
  // (test/palette-vision.test.ts); violet keeps every role pair over 30 under each simulation.
  match: '#7c3aed',
  edge: '#94a3b8',
  link: '#1d4ed8',
} as const;

/** The highlight roles of the org view, each told apart by its marks as well as its colour. */
export type HighlightRole = 'selected' | 'downstream' | 'upstream' | 'cycle' | 'match';

export interface RoleMarks {
  colour: string;
  /** The node's border: one style per role, so a reader who sees no colour still tells them apart. */
  border: 'solid' | 'dashed' | 'dotted' | 'double';
  /** A soft ring outside the border (the cycle's, beside downstream's plain solid border). */
  halo: boolean;
  /** The role's edges, or null where the role marks nodes only. */
  edge: 'solid' | 'dashed' | 'dotted' | null;
}

/** One table read by the stylesheet and the legend: the legend draws what the graph draws. */
export const ROLE_MARKS: Readonly<Record<HighlightRole, RoleMarks>> = {
  selected: { colour: INTERACTION_COLOURS.selected, border: 'double', halo: false, edge: null },
  downstream: { colour: INTERACTION_COLOURS.downstream, border: 'solid', halo: false, edge: 'solid' },
  upstream: { colour: INTERACTION_COLOURS.upstream, border: 'dashed', halo: false, edge: 'dashed' },
  cycle: { colour: INTERACTION_COLOURS.cycle, border: 'solid', halo: true, edge: 'dotted' },
  match: { colour: INTERACTION_COLOURS.match, border: 'dotted', halo: false, edge: null },
};

/**
 * What a diff did (Changes mode, and files mode's edited flows), drawn as a fill with a glyph on
 * the node (the change list's + / ~ / − notation) and, for edges, a line with the same glyph: a
 * reader who sees no colour reads the glyph, and none of these is a highlight role's border.
 * A cycle the diff introduced is drawn as a cycle (ROLE_MARKS.cycle).
 */
export type ChangeRole = 'added' | 'changed' | 'removed';

export interface ChangeMarks {
  /** Border and edge colour. */
  colour: string;
  /** Node fill: what tells the change at a glance, so the colour-vision test compares these. */
  fill: string;
  glyph: '+' | '~' | '−';
  /** The role's edges, or null where a diff marks nodes only. */
  edge: 'solid' | 'dashed' | null;
}

export const CHANGE_MARKS: Readonly<Record<ChangeRole, ChangeMarks>> = {
  added: { colour: '#1a7f37', fill: '#4ade80', glyph: '+', edge: 'solid' },
  changed: { colour: '#bf8700', fill: '#fbbf24', glyph: '~', edge: null },
  removed: { colour: '#8c959f', fill: '#e5e7eb', glyph: '−', edge: 'dashed' },
};

/**
 * Publish states a node shows whatever else it is: an unpublished one hatched (a fill, so it
 * never reads as upstream's dashed border), a deleted or missing one faded with a dotted red
 * border.
 */
export const STATE_MARKS = {
  unpublished: { fill: 'hatched', border: null },
  deleted: { fill: 'faded', border: 'dotted' },
} as const;

export function categoryOf(kind: string, type: string): Category {
  const tables = kind === 'flow' ? FLOW_CATEGORIES : kind === 'step' ? STEP_CATEGORIES : RESOURCE_CATEGORIES;
  const found = tables.find((category) => category.types.includes(type));
  if (found) return found;
  if (kind === 'flow') return FLOW_CATEGORIES[FLOW_CATEGORIES.length - 1]!;
  return kind === 'step' ? STEP_ACTION : OTHER_RESOURCE;
}
