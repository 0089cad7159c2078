import { manifestKeyOf } from '../flow-kinds.js';
import type { ResolvedTarget } from './actions.js';

interface ManifestContext {
  actionName: string;
  id: string;
  name: string;
}

interface ManifestEntry {
  name: string;
  id: string;
  version?: string;
  context: ManifestContext[];
}

/**
 * Architect's `manifest`: per kind, each referenced object once with the actions that use it
 * (archy-format.md §2b). Built from exactly the references written into the actions, so it agrees
 * with dependency tracking by construction.
 */
export class ManifestBuilder {
  private readonly kinds = new Map<string, Map<string, ManifestEntry>>();

  add(dependencyType: string, target: ResolvedTarget, action: { id: string; name: string }): void {
    const key = manifestKeyOf(dependencyType);
    const entries = this.kinds.get(key) ?? new Map<string, ManifestEntry>();
    this.kinds.set(key, entries);
    const entry = entries.get(target.id) ?? {
      name: target.name,
      id: target.id,
      // Flow entries say which version a caller binds to; the corpus shows "published".
      ...(target.published === undefined ? {} : { version: target.published ? 'published' : 'latest' }),
      context: [],
    };
    entries.set(target.id, entry);
    entry.context.push({ actionName: action.name, id: action.id, name: action.name });
  }

  /** The manifest object, plus the `language` plumbing entry every corpus export carries. */
  build(language: string): Record<string, unknown> {
    const manifest: Record<string, unknown> = {};
    for (const [key, entries] of this.kinds) manifest[key] = [...entries.values()];
    manifest.language = [{ id: language }];
    return manifest;
  }
}
