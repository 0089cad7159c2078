import { createHash } from 'node:crypto';
import type { Snapshot } from '@flowgraph/core';

/**
 * The key history is kept under. Two orgs can share a region, so a live org is its region plus a
 * short hash of the OAuth client id (the id itself is not stored); a simulator or other base URL
 * is its host; the built-in demo org is `demo` plus what makes it that org (seed and size).
 */
export function orgKey(source: Snapshot['source'], clientId?: string): string {
  if (source.kind === 'live' && source.region) {
    return clientId ? `live:${source.region}:${shortHash(clientId)}` : `live:${source.region}`;
  }
  if (source.baseUrl) {
    try {
      return `${source.kind}:${new URL(source.baseUrl).host}`;
    } catch {
      return `${source.kind}:${source.baseUrl}`;
    }
  }
  return source.kind;
}

export function demoOrgKey(seed: number | string, flows: number): string {
  return `demo:seed-${seed}:${flows}-flows`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** How a record's source reads in `history`: the region or host, else the kind. */
export function sourceLabel(source: Snapshot['source']): string {
  return source.region ?? source.baseUrl ?? source.kind;
}
