/** A node id that is not in the graph: the server maps it to a 404, the CLI to a clear message. */
export class UnknownNodeError extends Error {
  override readonly name = 'UnknownNodeError';

  constructor(
    readonly nodeId: string,
    /** The function that was asked, so the message says where it came from (graphology style). */
    readonly operation: string,
  ) {
    super(`flowgraph/analysis/${operation}: no node "${nodeId}" in the graph.`);
  }
}
