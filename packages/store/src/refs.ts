/** A store reference as users type it: `@3` (an id), `@latest`, `@previous`. */
export type SnapshotRef = { kind: 'id'; id: number } | { kind: 'latest'; back: number };

export function isSnapshotRef(text: string): boolean {
  return text.startsWith('@');
}

/** `@3` -> id 3, `@latest` -> newest, `@previous` -> the one before; anything else undefined. */
export function parseSnapshotRef(text: string): SnapshotRef | undefined {
  if (text === '@latest') return { kind: 'latest', back: 0 };
  if (text === '@previous') return { kind: 'latest', back: 1 };
  const id = /^@(\d+)$/.exec(text)?.[1];
  return id === undefined ? undefined : { kind: 'id', id: Number(id) };
}
