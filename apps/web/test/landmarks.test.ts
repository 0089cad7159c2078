import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '@flowgraph/core';
import { importance, pickLandmarks } from '../src/graph/landmarks.js';

const node = (id: string, kind: 'flow' | 'resource', type: string) => ({ id, kind, type, name: `Name ${id}`, state: 'published' as const });

describe('[U] label by importance', () => {
  // Two entry flows; module m used by both; data action d used by m only; q unused.
  const graph: ExportGraph = {
    nodes: [
      node('in1', 'flow', 'INBOUNDCALL'),
      node('in2', 'flow', 'INBOUNDCALL'),
      node('m', 'flow', 'COMMONMODULE'),
      node('d', 'resource', 'DATAACTION'),
      node('q', 'resource', 'QUEUE'),
    ],
    edges: [
      { source: 'in1', target: 'm', kind: 'uses' },
      { source: 'in1', target: 'd', kind: 'uses' },
      { source: 'in2', target: 'm', kind: 'uses' },
      { source: 'm', target: 'd', kind: 'uses' },
    ],
  };

  it('ranks entry flows by what they use and shared objects by their users; unused ones get no score', () => {
    const scores = importance(graph);
    expect(scores.get('in1')).toBeGreaterThan(scores.get('in2')!);
    expect(scores.get('m')).toBeGreaterThan(scores.get('d')!);
    expect(scores.has('q')).toBe(false);
  });

  it('keeps the more important of two overlapping labels and all of them once zoomed in enough', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 30, y: 0 }, c: { x: 2000, y: 0 } };
    const labels = new Map([
      ['a', 'Main IVR'],
      ['b', 'Billing IVR'],
      ['c', 'Support'],
    ]);
    const scores = new Map([
      ['a', 1],
      ['b', 5],
      ['c', 2],
    ]);
    expect(pickLandmarks(positions, labels, scores, 0.2)).toEqual(['b', 'c']);
    // Zoomed in, a 12 px label is a few model units tall: a and b a row apart both fit.
    const apart = { ...positions, b: { x: 30, y: 100 } };
    expect(pickLandmarks(apart, labels, scores, 2).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps a gap between two labels on one row, so they never read as one', () => {
    // At zoom 1, 12 px labels: "Main IVR" (8 chars) is ~63 wide and "Billing IVR" (11) ~87.
    const labels = new Map([
      ['a', 'Main IVR'],
      ['b', 'Billing IVR'],
    ]);
    const scores = new Map([
      ['a', 1],
      ['b', 5],
    ]);
    // Centres 76 apart: the label edges are a hair apart, touching on screen; a is dropped.
    expect(pickLandmarks({ a: { x: 0, y: 0 }, b: { x: 76, y: 0 } }, labels, scores, 1)).toEqual(['b']);
    // Two characters' clear space between them: both stay.
    expect(pickLandmarks({ a: { x: 0, y: 0 }, b: { x: 96, y: 0 } }, labels, scores, 1).sort()).toEqual(['a', 'b']);
  });
});
