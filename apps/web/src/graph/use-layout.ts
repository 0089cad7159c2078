import { useEffect, useState } from 'react';
import type { GraphData, GraphLayout } from '../api/schemas.js';

function covers(layout: GraphLayout | undefined, graph: GraphData): layout is GraphLayout {
  return layout !== undefined && graph.nodes.every((node) => layout.positions[node.id] !== undefined);
}

/**
 * The positions to draw: the server's layout when it covers every node, otherwise the same
 * layered layout computed once in a Web Worker so the page stays responsive.
 */
export function useLayout(graph: GraphData | undefined, serverLayout: GraphLayout | undefined): GraphLayout | undefined {
  const [computed, setComputed] = useState<{ graph: GraphData; layout: GraphLayout }>();
  const needsWorker = graph !== undefined && !covers(serverLayout, graph);

  useEffect(() => {
    if (!graph || !needsWorker) return;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GraphLayout>) => {
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
