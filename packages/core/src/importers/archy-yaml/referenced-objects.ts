import { flowTypeOfName } from '../flow-names.js';
import type { UnitBuilder } from '../unit-builder.js';
import type { FieldPath } from '../field-path.js';
import { asList, asMap, asText } from '../plain-values.js';

/**
 * Newer Archy exports list the flows they reference, with their type, in
 * `referencedObjects: {flows: [- flow: {name, type}]}` (archy-format.md §2a).
 */
export function referencedFlowReferences(block: unknown, path: FieldPath, flowId: string, builder: UnitBuilder): void {
  const flows = asList(asMap(block)?.flows);
  if (!flows) return;
  flows.forEach((item, index) => {
    const itemPath = path.key('flows').index(index);
    const flow = asMap(asMap(item)?.flow) ?? asMap(item);
    const name = asText(flow?.name);
    if (!flow || name === undefined || name.trim() === '') {
      builder.issue('warning', itemPath, 'referenced flow without a name');
      return;
    }
    const type = flowTypeOfName(asText(flow.type));
    builder.addReference(flowId, 'referencedObjects', { kind: 'flow', name, types: type ? [type] : [] }, itemPath.key('flow'));
  });
}
