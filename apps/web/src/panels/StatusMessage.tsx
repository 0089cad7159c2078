import { isCrawlPending } from '../api/client.js';
import { useGraphReadProgress } from '../api/graph-reader.js';
import type { GraphReadProgress } from '../api/read-graph.js';
import type { CrawlProgress } from '@flowgraph/core';

/** What the stage shows before there is a graph: the crawl's progress, the graph being read, or the error that stopped it. */
export function StatusMessage({ error, progress }: { error: Error | null; progress: CrawlProgress | undefined }) {
  const reading = useGraphReadProgress();
  if (progress?.phase === 'failed')
    return <div className="stage-message error">The crawl failed: {progress.message ?? 'no reason given'}</div>;
  // While the first crawl runs the server answers 503 crawl-pending: that is progress, not an error.
  if (error && !isCrawlPending(error)) return <div className="stage-message error">Could not load the graph: {error.message}</div>;
  if (reading) return <BuildProgress stage={reading.stage} nodes={reading.nodes} edges={reading.edges} />;
  return <div className="stage-message">Loading the org… {progress ? `${progress.flowsDone} / ${progress.flowsTotal} flows` : ''}</div>;
}

/** The steps from the answer to the first frame: read in the graph worker, then drawn on the page. */
const STEPS = ['reading', 'layout', 'elements', 'drawing'] as const;

/** Where building the org graph is, on a large org seconds of work: a bar of its steps and what it is doing. */
export function BuildProgress({
  stage,
  nodes,
  edges,
}: {
  stage: GraphReadProgress['stage'] | 'drawing';
  nodes?: number | undefined;
  edges?: number | undefined;
}) {
  const size =
    nodes === undefined
      ? ''
      : `${nodes.toLocaleString('en')} nodes${edges === undefined ? '' : ` and ${edges.toLocaleString('en')} edges`}`;
  const doing = {
    reading: 'Reading the graph…',
    layout: `Laying out ${size}…`,
    elements: `Preparing the drawing of ${size}…`,
    drawing: `Drawing ${size}…`,
  }[stage];
  return (
    <div className="stage-message" data-testid="build-progress" data-stage={stage}>
      <div className="build-progress">
        <progress max={STEPS.length} value={STEPS.indexOf(stage) + 1} aria-label="Building the graph" />
        <div>{doing}</div>
      </div>
    </div>
  );
}
