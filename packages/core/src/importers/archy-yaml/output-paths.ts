import type { FieldPath } from '../field-path.js';
import type { YamlMap } from './values.js';
import { asList, asMap, asText } from '../plain-values.js';

/** One output path of an action: the condition that leads into it and its own action list. */
export interface OutputPath {
  label: string | undefined;
  actions: unknown[];
  path: FieldPath;
  /** The object holding `actions`, so reference scanning can skip it. */
  holder: YamlMap;
}

/**
 * Every `actions:` list nested inside one action body is a path out of it: `outputs: {yes: {actions}}`,
 * `switch … cases: [- case: {actions}]`, `default: {actions}`, `askForIntent … intents: [- intent:
 * {name, actions}]`, a menu choice's inline `task: {actions}`. Finding them by shape rather than by
 * action type keeps unknown actions working. Variable bindings (`outputs` under `ver_*`,
 * `successOutputs`) hold no `actions` list, so they are never taken for paths.
 */
export function findOutputPaths(body: YamlMap, bodyPath: FieldPath, visit: (path: FieldPath) => boolean): OutputPath[] {
  const found: OutputPath[] = [];
  const stack: Array<{ value: unknown; path: FieldPath; key: string; index?: number }> = [];
  const pushChildren = (map: YamlMap, path: FieldPath) => {
    const entries = Object.entries(map);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, value] = entries[i]!;
      stack.push({ value, path: path.key(key), key });
    }
  };
  pushChildren(body, bodyPath);
  while (stack.length > 0) {
    const { value, path, key, index } = stack.pop()!;
    if (!visit(path)) break;
    const list = asList(value);
    if (list) {
      for (let i = list.length - 1; i >= 0; i -= 1) {
        const item = asMap(list[i]);
        const entries = item ? Object.entries(item) : [];
        // `- case: {…}` / `- intent: {…}`: a one-key item is labelled by its key and position.
        if (entries.length === 1)
          stack.push({ value: entries[0]![1], path: path.index(i).key(entries[0]![0]), key: entries[0]![0], index: i });
      }
      continue;
    }
    const map = asMap(value);
    if (!map) continue;
    const actions = asList(map.actions);
    if (actions && key !== 'actions') {
      found.push({ label: pathLabel(key, map, index), actions, path: path.key('actions'), holder: map });
      continue;
    }
    pushChildren(map, path);
  }
  return found;
}

function pathLabel(key: string, holder: YamlMap, index: number | undefined): string | undefined {
  // A YAML 1.1 loader turns unquoted `yes:` / `no:` into booleans; toJS makes them "true" / "false".
  if (key === 'true') return 'yes';
  if (key === 'false') return 'no';
  if (key === 'task') return undefined; // a menu choice's inline task: the choice itself is the label
  if (index === undefined) return key;
  const name = asText(holder.name) ?? asText(asMap(holder.value)?.lit);
  return name ?? `${key} ${index + 1}`;
}
