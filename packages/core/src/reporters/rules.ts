import type { Severity } from '../analysis/result.js';

export interface RuleDescription {
  /** One line: what the rule finds. */
  summary: string;
  /** What to do about it. */
  help: string;
}

/**
 * One description per problem code, for SARIF rules and JUnit suites. Codes added later (or by a
 * newer core) still get a rule, with a generic description.
 */
const RULES: Readonly<Record<string, RuleDescription>> = {
  'published-uses-unpublished': {
    summary: 'A published flow uses a flow or resource that is not published.',
    help: 'Publish the dependency first, or remove the reference.',
  },
  'published-uses-deleted': {
    summary: 'A published flow uses a flow or resource that was deleted.',
    help: 'Point the reference at an existing object, or restore the deleted one.',
  },
  'published-uses-missing': {
    summary: 'A published flow uses a flow or resource that was not found in anything imported.',
    help: 'Import or create the missing object, or fix the reference.',
  },
  'unresolved-reference': {
    summary: 'A referenced flow or resource was not found in anything imported.',
    help: 'Import the file that defines it, or fix the name.',
  },
  'ambiguous-reference': {
    summary: 'A reference by name matches several objects.',
    help: 'Rename one of the objects or refer to it by id.',
  },
  'dynamic-reference': {
    summary: 'A target is chosen at run time and cannot be checked.',
    help: 'Nothing to fix; review the expression.',
  },
  'templated-reference': {
    summary: 'A name still holds template variables after substitution.',
    help: 'Give the variables values (--set or --substitutions).',
  },
  'unpublished-changes': {
    summary: 'A flow has saved or checked-in changes newer than its published version.',
    help: 'Publish the flow or discard the draft.',
  },
  'never-published': { summary: 'A flow has never been published.', help: 'Publish it, or delete it if unused.' },
  locked: { summary: 'Someone holds the lock on a flow.', help: 'Ask them to check it in.' },
  'org-cycle': {
    summary: 'Flows and resources depend on each other in a circle, so no order deploys them.',
    help: 'Remove the suggested edge (the cut) or another reference on the cycle.',
  },
  'flow-loop': { summary: 'Steps of one flow lead back to each other.', help: 'Usually intended (menus, retries); check it has an exit.' },
  'version-policy': { summary: 'A flow is not at the target version.', help: 'Publish the flow at the target version.' },
  'status-policy': { summary: 'A flow has a status the policy does not allow.', help: 'Change the status or the policy.' },
  'import-error': { summary: 'A file or flow could not be read.', help: 'Fix the file at the field the message names.' },
  'import-warning': { summary: 'A file or flow was read with a problem.', help: 'Check the field the message names.' },
};

export function ruleFor(code: string): RuleDescription {
  return RULES[code] ?? { summary: `Flowgraph finding "${code}".`, help: 'See the message.' };
}

/** SARIF result levels. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}
