import { useEffect, useState } from 'react';
import type { ExportGraph, Layout } from '@flowgraph/core';

function covers(layout: Layout | undefined, graph: ExportGraph): layout is Layout {
  return layout !== undefined && graph.nodes.every((node) => layout.positions[node.id] !== undefined);
}

/**
 * The positions to draw: the server's layout when it covers every node, otherwise the same
 * layered layout computed once in a Web Worker so the page stays responsive.
 */
export function useLayout(graph: ExportGraph | undefined, serverLayout: Layout | undefined): Layout | undefined {
  const [computed, setComputed] = useState<{ graph: ExportGraph; layout: Layout }>();
  const needsWorker = graph !== undefined && !covers(serverLayout, graph);

  useEffect(() => {
    if (!graph || !needsWorker) return;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Layout>) => {
      setComputed({ graph, layout: event.data });
      worker.terminate();
    };
    worker.postMessage({
      nodes: graph.nodes.map((node) => ({ id: node.id })),
      edges: graph.edges.map((edge) => ({ source: edge.source, target: edge.target })),
    });
    return () => worker.terminate();
  }, [graph, needsWorker]);

  if (!graph) return undefined;
  if (!needsWorker) return serverLayout;
  return computed?.graph === graph ? computed.layout : undefined;
}
