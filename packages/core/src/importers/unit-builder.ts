import { type GraphEdge, type StepNode, stepNodeId } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import type { Reference, ReferenceTarget } from '../model/reference.js';
import type { ImportUnit } from './importer.js';
import { templateVariablesIn } from './templates/placeholders.js';
import type { VisitBudget } from './visit-budget.js';
import type { Field } from './field-path.js';

/** At most this many places are listed in a warning that stands for several. */
const PLACES_LISTED = 3;

/**
 * Collects one file's nodes, edges, references and issues, dropping exact repeats. A warning of a
 * kind already given for the same flow (the same message but for names and numbers: a second
 * skipped action, a second jump to nowhere) joins the first as "and N more like it", so a flow
 * has one message per problem, not one per step.
 */
export class UnitBuilder {
  readonly unit: ImportUnit;
  flowName: string | undefined;
  private readonly warningsByKind = new Map<string, { issue: ImportIssue; message: string; places: string[] }>();
  private readonly edgeKeys = new Set<string>();
  private readonly referenceKeys = new Set<string>();
  private budgetReported = false;

  constructor(
    readonly file: string,
    format: string,
    readonly budget: VisitBudget,
  ) {
    this.unit = { file, format, nodes: [], edges: [], references: [], issues: [] };
  }

  issue(severity: ImportIssue['severity'], field: Field | undefined, message: string): void {
    const issue: ImportIssue = { file: this.file, message, severity };
    if (this.flowName !== undefined) issue.flow = this.flowName;
    if (field !== undefined) issue.field = String(field);
    if (severity === 'warning') {
      const kind = `${this.flowName ?? ''}\u0000${kindOf(message)}`;
      const first = this.warningsByKind.get(kind);
      if (first !== undefined) {
        first.places.push(issue.field ?? message);
        const listed = first.places.slice(0, PLACES_LISTED).join('; ');
        const more = first.places.length > PLACES_LISTED ? '; …' : '';
        first.issue.message = `${first.message} (and ${first.places.length} more like it: ${listed}${more})`;
        return;
      }
      this.warningsByKind.set(kind, { issue, message, places: [] });
    }
    this.unit.issues.push(issue);
  }

  /** Spends one visit; reports once when the budget runs out. */
  visit(field: Field): boolean {
    if (this.budget.spend()) return true;
    if (!this.budgetReported) {
      this.budgetReported = true;
      this.issue('error', field, `file too large or too deeply nested: stopped after ${this.budget.limit} values`);
    }
    return false;
  }

  addStep(flowId: string, stepId: string, name: string, type: string): string {
    const id = stepNodeId(flowId, stepId);
    const step: StepNode = { kind: 'step', id, flowId, stepId, name, type, state: 'unknown', file: this.file };
    const variables = templateVariablesIn(name);
    if (variables.length > 0) step.templateVariables = variables;
    this.unit.nodes.push(step);
    return id;
  }

  addEdge(edge: GraphEdge): void {
    const key = `${edge.kind}\u0000${edge.source}\u0000${edge.target}\u0000${edge.label ?? ''}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.unit.edges.push(edge);
  }

  addReference(from: string, via: string, target: ReferenceTarget, field: Field): void {
    const key = [from, via, JSON.stringify(target)].join('\u0000');
    if (this.referenceKeys.has(key)) return;
    this.referenceKeys.add(key);
    const reference: Reference = { from, via, target, file: this.file, field: String(field) };
    const name =
      target.kind === 'dynamic'
        ? target.expression
        : target.kind === 'resource'
          ? `${target.category ?? ''} ${target.name ?? ''}`
          : (target.name ?? '');
    const variables = templateVariablesIn(name);
    if (variables.length > 0) reference.templateVariables = variables;
    this.unit.references.push(reference);
  }
}

/** A message without its particulars (quoted names, ids, numbers): what kind of problem it is. */
function kindOf(message: string): string {
  return message
    .replace(/"[^"]*"/g, '""')
    .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27}\b/gi, '#')
    .replace(/\d+/g, '#');
}
