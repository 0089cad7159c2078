import type { GraphResponse } from '@flowgraph/core';
import type { Mode } from '../state/types.js';

/** The text alternative of an exported image: a short name and what it shows. */
export interface ImageText {
  title: string;
  desc: string;
}

const SOURCE_NAMES: Readonly<Record<GraphResponse['source']['kind'], string>> = {
  demo: 'Demo org',
  files: 'Flows read from files',
  live: 'Genesys Cloud org',
};

/** What an image of the org view shows: the source, its counts, and the highlight on it. */
export function describeOrgImage(data: GraphResponse, mode: Mode): ImageText {
  const source =
    data.source.kind === 'live' && data.source.region ? `${SOURCE_NAMES.live} in ${data.source.region}` : SOURCE_NAMES[data.source.kind];
  const { flows, resources, edges } = data.analysis.summary;
  const orgCycles = data.analysis.cycles.filter((cycle) => cycle.scope === 'org').length;
  const nameOf = (id: string) => data.graph.nodes.find((node) => node.id === id)?.name ?? id;
  const parts = [`Dependency graph of ${source}: ${flows} flows, ${resources} resources, ${edges} dependencies, ${orgCycles} org cycles.`];
  if (mode.kind === 'selected') {
    parts.push(
      `Selected: ${nameOf(mode.nodeId)}, with what it depends on (downstream, solid edges) and what uses it (upstream, dashed edges) highlighted.`,
    );
  } else if (mode.kind === 'cycle') {
    const cycle = data.analysis.cycles.find((candidate) => candidate.members[0] === mode.key);
    if (cycle) parts.push(`Highlighted cycle: ${cycle.path.map(nameOf).join(' → ')}.`);
  } else if (mode.kind === 'search') {
    parts.push(`Search matches for "${mode.query}" highlighted.`);
  }
  return { title: `Flowgraph: ${source}`, desc: parts.join(' ') };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SVG with `role="img"`, a `<title>` and a `<desc>` as the root's first children, where
 * screen readers and document tools look for them. Text without an `<svg` root is returned as is.
 */
export function withTextAlternative(svg: string, text: ImageText): string {
  const root = /<svg\b[^>]*?(\/?)>/.exec(svg);
  if (!root || root[1] === '/') return svg;
  const open = root[0].includes(' role=') ? root[0] : root[0].replace(/^<svg\b/, '<svg role="img"');
  const children = `<title>${escapeXml(text.title)}</title><desc>${escapeXml(text.desc)}</desc>`;
  return svg.slice(0, root.index) + open + children + svg.slice(root.index + root[0].length);
}
