import { createRandom } from '../random.js';
import type { SimulatedDivision, SimulatedOrg } from '../org/types.js';

/** A person of the simulated org as the options describe them: who, and which divisions their role covers. */
export interface PersonInput {
  /** The sign-in name (also the email), e.g. `avery@flowgraph.demo`. */
  username: string;
  name: string;
  password: string;
  /** Division names their Architect role covers, or `all`. */
  divisions: 'all' | readonly string[];
}

/** One signed-in identity: a Genesys user with an Architect role over some divisions. */
export interface SimulatedPerson {
  id: string;
  name: string;
  username: string;
  email: string;
  password: string;
  /** The divisions their role covers; every permission of the role holds in exactly these. */
  divisions: readonly SimulatedDivision[];
  /** True when the role covers every division (`allDivsPermitted`). */
  allDivisions: boolean;
}

/** Not a secret: it only opens the loopback simulator, and its sign-in page prints it. */
export const DEMO_PASSWORD = 'flowgraph-demo';

/**
 * The seeded people: one whose Architect role covers every division, one whose role covers only
 * Sales (so they see about a quarter of the flows). `npm start` with FLOWGRAPH_AUTH=genesys and
 * the simulator print them.
 */
export const DEMO_PEOPLE: readonly PersonInput[] = Object.freeze([
  { username: 'avery@flowgraph.demo', name: 'Avery Jones', password: DEMO_PASSWORD, divisions: 'all' },
  { username: 'sam@flowgraph.demo', name: 'Sam Patel', password: DEMO_PASSWORD, divisions: ['Sales'] },
]);

/**
 * The permissions a person's Architect role grants (in their divisions). Anything else asked of
 * `divisionspermitted` is granted nowhere.
 */
export const ARCHITECT_PERMISSIONS: ReadonlySet<string> = new Set([
  'architect:flow:view',
  'architect:flow:search',
  'architect:dependencyTracking:view',
  'architect:ui:view',
]);

/** The org the people sign in to (`UserMe.organization`). */
export interface SimulatedOrganization {
  id: string;
  name: string;
}

/**
 * People and organization with ids drawn from their own seeded sequence, so adding people never
 * changes the org's flows. An unknown division name is an error naming the person and division.
 */
export function resolvePeople(
  org: SimulatedOrg,
  inputs: readonly PersonInput[],
): { people: SimulatedPerson[]; organization: SimulatedOrganization } {
  const random = createRandom(org.seed ^ 0x9e3779b9);
  const organization = { id: random.uuid(), name: 'Flowgraph Demo Org' };
  const byName = new Map(org.divisions.map((division) => [division.name.toLowerCase(), division]));
  const seen = new Set<string>();
  const people = inputs.map((input) => {
    const username = input.username.toLowerCase();
    if (seen.has(username)) throw new RangeError(`simulator: person "${input.username}" is listed twice`);
    seen.add(username);
    const all = input.divisions === 'all';
    const divisions =
      input.divisions === 'all'
        ? [...org.divisions]
        : input.divisions.map((name) => {
            const division = byName.get(name.toLowerCase());
            if (!division) {
              const known = org.divisions.map((candidate) => candidate.name).join(', ');
              throw new RangeError(`simulator: person "${input.username}" names division "${name}", which the org lacks (it has ${known})`);
            }
            return division;
          });
    return { id: random.uuid(), name: input.name, username, email: username, password: input.password, divisions, allDivisions: all };
  });
  return { people, organization };
}

/** One line per person, for the simulator's and the server's start messages. */
export function describePeople(people: readonly SimulatedPerson[]): string[] {
  return people.map(
    (person) =>
      `${person.username} (${person.name}; ${person.allDivisions ? 'all divisions' : `division ${person.divisions.map((division) => division.name).join(', ')}`})`,
  );
}
