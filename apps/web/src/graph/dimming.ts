import type { Core, NodeSingular, StylesheetJson } from 'cytoscape';
import { type VisualClass, withClass } from './visual-class.js';

/**
 * A highlight dims everything without a role. Restyling every element for it (a dimming
 * stylesheet switched in and out) cost seconds at 3,000 flows: Cytoscape re-matches each of the
 * tens of thousands of nodes and edges against the whole stylesheet. Instead one translucent white
 * plate, a node the size of the graph, is drawn over everything, and the lit roles are drawn above
 * it: dimming on or off changes one element, and a role's class (changed anyway) lifts its element.
 */
export const DIM_PLATE_ID = 'dim-plate';

/** What the plate lets through: elements under it keep 15% of their contrast. */
const PLATE_OPACITY = 0.85;
/** Beyond the outermost node centres: node bodies, labels (up to 190 units wide) and edge arcs. */
const PLATE_MARGIN = 400;

/** The classes drawn above the plate while a highlight dims the rest. */
const LIT: readonly VisualClass[] = ['selected', 'upstream', 'downstream', 'cycle', 'match', 'keyboard-focus'];

/** The stylesheet with the plate's look and the lit roles above it (`z-compound-depth: top` outranks any z-index). */
export function withDimming(sheet: StylesheetJson): StylesheetJson {
  return [
    ...sheet,
    ...LIT.map((name) => ({ selector: withClass(name), style: { 'z-compound-depth': 'top' as const } })),
    {
      selector: `#${DIM_PLATE_ID}`,
      style: {
        shape: 'rectangle' as const,
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#ffffff',
        'background-opacity': PLATE_OPACITY,
        'border-width': 0,
        label: '',
        // Above every other node, even the selected one's z-index 10, but under the lit roles.
        'z-index': 1_000_000,
        // Clicks go through to the node under it.
        events: 'no' as const,
      },
    },
  ];
}

/**
 * Shows or hides the plate (created on first use, over the nodes' preset positions). Its
 * visibility is a style bypass on that one element, so nothing else is restyled.
 */
export function setDimmed(cy: Core, dimmed: boolean): void {
  const existing = cy.getElementById(DIM_PLATE_ID);
  if (existing.empty() && !dimmed) return;
  const plate = existing.empty() ? addPlate(cy) : (existing as NodeSingular);
  plate.style('display', dimmed ? 'element' : 'none');
}

/** The plate is a drawing, not a node of the graph: what lists, fits or counts nodes leaves it out. */
export function isDimPlate(element: { id(): string }): boolean {
  return element.id() === DIM_PLATE_ID;
}

function addPlate(cy: Core): NodeSingular {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  // Positions, not bounding boxes: those would measure every label of the graph.
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  });
  if (x1 > x2) x1 = x2 = y1 = y2 = 0;
  return cy.add({
    group: 'nodes',
    // The base node style maps these: given, so the plate maps cleanly before its own rule overrides them.
    data: {
      id: DIM_PLATE_ID,
      colour: '#ffffff',
      shape: 'rectangle',
      label: '',
      width: x2 - x1 + 2 * PLATE_MARGIN,
      height: y2 - y1 + 2 * PLATE_MARGIN,
    },
    position: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 },
    selectable: false,
    grabbable: false,
  });
}
