import type { Cycle, Finding, ExportGraph, Impact } from '@flowgraph/core';
import type { Filters, Mode } from '../state/types.js';
import { edgeId } from './elements.js';
import { classString, type VisualClass } from './visual-class.js';

export interface VisualInput {
  graph: ExportGraph;
  mode: Mode;
  filters: Filters;
  cycles: readonly Cycle[];
  findings: readonly Finding[];
  /** The impact of the selected node, once the server answered. */
  impact?: Impact | undefined;
  /** Flows shown from a file's last good version, and what files deployed over an org changed or added. */
  marks?: FileMarks | undefined;
}

export interface FileMarks {
  stale: readonly string[];
  changed: readonly string[];
  added: readonly string[];
}

/** What the canvas shows: the class strings of the elements that have a role, and the global dimming. */
export interface VisualClasses {
  /** Only elements with a role (selected, upstream, downstream, cycle, match, hidden, finding-error). */
  classes: Map<string, string>;
  /**
   * A highlight is on: every element without a role is drawn faded. One state of the whole
   * canvas (a stylesheet), so a selection never writes a class on the thousands of others.
   */
  dimmed: boolean;
  /** Nodes the filters hide: drawn nowhere, and never where the keyboard cursor lands. */
  hidden: ReadonlySet<string>;
}

/**
 * UI state -> the classes of the elements that have a role. A pure function, so every highlight
 * rule is testable without a browser; the canvas adapter only applies what changed.
 */
export function computeClasses(input: VisualInput): VisualClasses {
  const { graph, filters } = input;
  const classes = new Map<string, VisualClass[]>();
  const add = (id: string, name: VisualClass) => {
    const list = classes.get(id);
    if (list) list.push(name);
    else classes.set(id, [name]);
  };
  for (const finding of input.findings) if (finding.severity === 'error') add(finding.subject, 'finding-error');
  for (const id of input.marks?.stale ?? []) add(id, 'stale');
  for (const id of input.marks?.changed ?? []) add(id, 'change-changed');
  for (const id of input.marks?.added ?? []) add(id, 'change-added');

  const focus = focusOf(input);
  const onCycle = new Set(input.cycles.filter((c) => c.scope === 'org').flatMap((c) => c.members));
  const hidden = new Set<string>();
  for (const node of graph.nodes) {
    const filteredOut =
      filters.hiddenKinds.some((kind) => kind === node.kind) ||
      filters.hiddenTypes.includes(node.type) ||
      (filters.cyclesOnly && !onCycle.has(node.id));
    // The selected node and a focused cycle stay visible whatever the filters say; impact and
    // search results obey the filters, so hiding resources also hides them from an impact view.
    if (filteredOut && !focus.pinned.has(node.id)) hidden.add(node.id);
  }
  for (const id of hidden) add(id, 'hidden');
  for (const [id, role] of focus.nodes) if (!hidden.has(id)) add(id, role);
  if (focus.active || hidden.size > 0) {
    graph.edges.forEach((edge, index) => {
      if (hidden.has(edge.source) || hidden.has(edge.target)) add(edgeId(index), 'hidden');
      else if (focus.active) {
        const role = focus.edgeRole(edge.source, edge.target);
        if (role !== undefined) add(edgeId(index), role);
      }
    });
  }
  return { classes: new Map([...classes].map(([id, list]) => [id, classString(list)])), dimmed: focus.active, hidden };
}

interface Focus {
  active: boolean;
  nodes: Map<string, VisualClass>;
  pinned: ReadonlySet<string>;
  edgeRole(source: string, target: string): VisualClass | undefined;
}

function focusOf(input: VisualInput): Focus {
  const { mode } = input;
  if (mode.kind === 'selected') {
    const down = new Set((input.impact?.downstream ?? []).map((entry) => entry.id));
    const up = new Set((input.impact?.upstream ?? []).map((entry) => entry.id));
    const nodes = new Map<string, VisualClass>();
    for (const id of up) nodes.set(id, 'upstream');
    for (const id of down) nodes.set(id, 'downstream');
    nodes.set(mode.nodeId, 'selected');
    const self = mode.nodeId;
    // Every edge inside the reachable sets is part of the impact, not only the shortest paths.
    const edgeRole = (source: string, target: string) => {
      if ((source === self || down.has(source)) && down.has(target)) return 'downstream';
      if (up.has(source) && (target === self || up.has(target))) return 'upstream';
      return undefined;
    };
    return { active: true, nodes, pinned: new Set([self]), edgeRole };
  }
  if (mode.kind === 'cycle') {
    const cycle = input.cycles.find((c) => c.members[0] === mode.key);
    const members = new Set(cycle?.members ?? []);
    const nodes = new Map([...members].map((id): [string, VisualClass] => [id, 'cycle']));
    return { active: true, nodes, pinned: members, edgeRole: (s, t) => (members.has(s) && members.has(t) ? 'cycle' : undefined) };
  }
  if (mode.kind === 'search') {
    const nodes = new Map(searchMatches(input.graph, mode.query).map((id): [string, VisualClass] => [id, 'match']));
    return { active: true, nodes, pinned: new Set(), edgeRole: () => undefined };
  }
  return { active: false, nodes: new Map(), pinned: new Set(), edgeRole: () => undefined };
}

/** Nodes whose name or id contains the query, case-insensitively. */
export function searchMatches(graph: ExportGraph, query: string): string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return graph.nodes.filter((node) => node.name.toLowerCase().includes(needle) || node.id.toLowerCase() === needle).map((node) => node.id);
}
