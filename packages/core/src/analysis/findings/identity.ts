import { sortedIds } from '../../util/compare.js';

/**
 * The fields of a finding that identify it. `code` is a string, not the `FindingCode` union: a
 * baseline file may name a code that this version no longer emits.
 */
export interface FindingIdentity {
  code: string;
  subject: string;
  related?: readonly string[] | undefined;
}

/**
 * What makes two findings "the same problem" across two analyses (a baseline, the other side of a
 * diff): the code and the subject, plus what tells apart several findings of one code about one
 * subject. A cycle is its member set (the subject is only its first member, and a cycle that
 * grows by one flow is a new cycle); a published flow using a broken object is one finding per
 * object; an ambiguous reference is one per candidate set. Messages are never compared: they
 * carry names and paths that change without the problem changing.
 */
export function findingKey(finding: FindingIdentity): string {
  return [finding.code, finding.subject, ...identifyingRelated(finding)].join('\u0000');
}

/** The `related` ids that are part of the finding's identity (sorted), or none. */
export function identifyingRelated(finding: Omit<FindingIdentity, 'subject'>): string[] {
  const related = finding.related ?? [];
  if (finding.code === 'org-cycle' || finding.code === 'flow-loop' || finding.code === 'ambiguous-reference') return sortedIds(related);
  if (finding.code.startsWith('published-uses-')) return related.slice(0, 1);
  return [];
}
