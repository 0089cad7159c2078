import { createRandom, type Random } from '@flowgraph/simulator';

/**
 * A seeded org in the tutorial JSON shape (an array of flows with `definition.nodes` and
 * `definition.transitions`). Each flow is a main path of steps with menu repeats (back edges),
 * forward branches and about one cross-flow transition; cross-flow targets point to later flows,
 * so the org is acyclic except for the `orgCycles` rings added on purpose.
 */
export interface TutorialOrgOptions {
  flows: number;
  stepsPerFlow: number;
  seed: number;
  /** Rings of three flows that transfer to each other: the org cycles the analysis must find. */
  orgCycles: number;
}

export interface TutorialOrgStats {
  flows: number;
  steps: number;
  transitions: number;
  crossFlowTransitions: number;
}

const STEP_TYPES = ['task', 'decision', 'playAudio', 'setParticipantData', 'callData', 'transferToAcd'];
// One menu every MENU_EVERY steps; each menu repeats back to itself from a later step ("press 9 to hear again").
const MENU_EVERY = 10;
const BRANCHES_PER_FLOW = 35;

export function generateTutorialOrg(options: TutorialOrgOptions): { json: string; stats: TutorialOrgStats } {
  const random = createRandom(options.seed);
  const flowIds = Array.from({ length: options.flows }, () => random.uuid());
  const cycleEdges = orgCycleEdges(options);
  const parts: string[] = [];
  const stats: TutorialOrgStats = { flows: options.flows, steps: 0, transitions: 0, crossFlowTransitions: 0 };
  for (let flowIndex = 0; flowIndex < options.flows; flowIndex++) {
    const flow = generateFlow(flowIndex, flowIds, options, random, cycleEdges.get(flowIndex));
    stats.steps += options.stepsPerFlow;
    stats.transitions += flow.transitions.length;
    stats.crossFlowTransitions += flow.crossFlow;
    parts.push(JSON.stringify(flow.value));
  }
  // Joined per flow: one JSON.stringify of the whole org would hold two full copies in memory.
  return { json: `[\n${parts.join(',\n')}\n]\n`, stats };
}

interface Transition {
  id: string;
  from: string;
  to: string;
  condition: string;
}

function generateFlow(
  flowIndex: number,
  flowIds: string[],
  options: TutorialOrgOptions,
  random: Random,
  cycleTarget: number | undefined,
): { value: unknown; transitions: Transition[]; crossFlow: number } {
  const steps = options.stepsPerFlow;
  const nodes: Record<string, { type: string; name: string }> = {};
  const transitions: Transition[] = [];
  const add = (from: number, to: string, condition: string) =>
    transitions.push({ id: `t${transitions.length}`, from: `s${from}`, to, condition });
  for (let step = 0; step < steps; step++) {
    const isMenu = step % MENU_EVERY === 0;
    const type = isMenu ? 'menu' : (STEP_TYPES[random.int(STEP_TYPES.length)] ?? 'task');
    nodes[`s${step}`] = { type, name: `${isMenu ? 'Menu' : 'Step'} ${flowIndex}.${step}` };
    if (step + 1 < steps) add(step, `s${step + 1}`, isMenu ? 'digit_1' : 'success');
    if (isMenu && step + 3 < steps) add(step + 3, `s${step}`, 'repeat');
  }
  for (let branch = 0; branch < BRANCHES_PER_FLOW; branch++) {
    const from = random.int(steps - 2);
    add(from, `s${from + 2 + random.int(Math.min(20, steps - from - 2))}`, 'no');
  }
  let crossFlow = 0;
  const laterFlow = flowIndex + 1 + random.int(Math.min(50, options.flows - flowIndex));
  if (laterFlow < options.flows) {
    add(steps - 1, flowIds[laterFlow]!, 'transfer');
    crossFlow++;
  }
  if (cycleTarget !== undefined) {
    add(random.int(steps), flowIds[cycleTarget]!, 'transfer');
    crossFlow++;
  }
  const published = random.next() < 0.9;
  return {
    value: {
      id: flowIds[flowIndex],
      name: `Flow ${flowIndex}`,
      version: published ? '1.0' : '0.9',
      metadata: { status: published ? 'published' : 'draft' },
      definition: { nodes, transitions },
    },
    transitions,
    crossFlow,
  };
}

/** Flow index -> the flow it transfers back to, closing a ring i -> i+1 -> i+2 -> i. */
function orgCycleEdges(options: TutorialOrgOptions): Map<number, number> {
  const edges = new Map<number, number>();
  const spacing = Math.floor(options.flows / (options.orgCycles + 1));
  for (let ring = 1; ring <= options.orgCycles && spacing >= 3; ring++) {
    const start = ring * spacing;
    // The forward hops come from the dense "later flow" links; make them certain with explicit back links.
    edges.set(start + 2, start);
    edges.set(start + 1, start + 2);
    edges.set(start, start + 1);
  }
  return edges;
}
