import { ENTRY_FLOW_TYPES, type FlowType } from '../model/flow-types.js';
import type { PublishState } from '../model/graph.js';

/**
 * The look of every drawn export, as data: DOT and Mermaid both read it, so a flow type has
 * one colour everywhere. Colours are light fills with dark text, legible when printed.
 */
export interface NodeLook {
  shape: 'box' | 'ellipse' | 'hexagon' | 'note';
  fill: string;
  border: string;
}

export const THEME = {
  fontName: 'Helvetica',
  flowByType: {
    entry: { shape: 'box', fill: '#cfe2ff', border: '#1f4e79' },
    COMMONMODULE: { shape: 'box', fill: '#d9ead3', border: '#38761d' },
    INQUEUE: { shape: 'box', fill: '#fce5cd', border: '#b45f06' },
    BOT: { shape: 'box', fill: '#e6d9f2', border: '#674ea7' },
    WORKFLOW: { shape: 'box', fill: '#d0e0e3', border: '#134f5c' },
    other: { shape: 'box', fill: '#eeeeee', border: '#555555' },
  } satisfies Record<string, NodeLook>,
  resource: { shape: 'ellipse', fill: '#fff2cc', border: '#bf9000' } satisfies NodeLook,
  dynamicResource: { shape: 'hexagon', fill: '#ffffff', border: '#999999' } satisfies NodeLook,
  step: { shape: 'box', fill: '#ffffff', border: '#888888' } satisfies NodeLook,
  /** States that need attention override the border and the line style. */
  state: {
    missing: { border: '#cc0000', dashed: true },
    deleted: { border: '#cc0000', dashed: true },
    unpublished: { border: '#e69138', dashed: false },
  } satisfies Partial<Record<PublishState, { border: string; dashed: boolean }>>,
  edge: {
    transition: '#555555',
    uses: '#1f4e79',
    contains: '#aaaaaa',
    cycle: '#cc0000',
  },
  cluster: { fill: '#f7f7f7', border: '#cccccc' },
} as const;

export type FlowLookKey = keyof typeof THEME.flowByType;

export function flowLookKey(type: FlowType): FlowLookKey {
  if (ENTRY_FLOW_TYPES.has(type)) return 'entry';
  if (type === 'COMMONMODULE') return 'COMMONMODULE';
  if (type.startsWith('INQUEUE')) return 'INQUEUE';
  if (type === 'BOT' || type === 'DIGITALBOT' || type === 'SPEECH') return 'BOT';
  if (type === 'WORKFLOW') return 'WORKFLOW';
  return 'other';
}
