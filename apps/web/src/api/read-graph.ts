import { compactGraphResponseSchema, decodeGraphResponse, type GraphResponse } from '@flowgraph/core';
import { type PreparedOrg, prepareOrg } from '../graph/prepare-org.js';
import { parseAnswer } from './parse-answer.js';

/** Where reading the graph is, for the page's progress: its size once decoded. */
export interface GraphReadProgress {
  stage: 'reading' | 'layout' | 'elements';
  nodes?: number;
  edges?: number;
}

export interface ReadGraph {
  response: GraphResponse;
  prepared: PreparedOrg;
}

/**
 * `/api/graph` from its body (the compact JSON text, or already parsed when files opened in the
 * page answer) to the `GraphResponse` the panels read and the org canvas's elements: the work of
 * the graph worker (`graph.worker.ts`), pure so that it also runs where there are no workers.
 */
export function readGraph(body: unknown, onProgress: (progress: GraphReadProgress) => void = () => {}): ReadGraph {
  onProgress({ stage: 'reading' });
  const json: unknown = typeof body === 'string' ? JSON.parse(body) : body;
  const response = decodeGraphResponse(parseAnswer('graph', compactGraphResponseSchema, json));
  const size = { nodes: response.graph.nodes.length, edges: response.graph.edges.length };
  const prepared = prepareOrg(response, (stage) => onProgress({ stage, ...size }));
  return { response, prepared };
}
