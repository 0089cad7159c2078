import type { z } from 'zod';

/** Appends one key to a field path the way a reader writes it: `flows[3].definition["odd key"]`. */
export function appendPath(prefix: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${prefix}[${key}]`;
  const name = String(key);
  if (/^[A-Za-z_$][\w$]*$/.test(name)) return prefix === '' ? name : `${prefix}.${name}`;
  return `${prefix}[${JSON.stringify(name)}]`;
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let result = prefix;
  for (const key of path) result = appendPath(result, key);
  return result;
}

/**
 * One zod failure as one field and one message: the first problem's path names the field, and the
 * message lists every problem, so one bad flow is one issue, not a screenful.
 */
export function describeZodError(prefix: string, error: z.ZodError): { field: string; message: string } {
  const first = error.issues[0];
  const field = joinPath(prefix, first?.path ?? []);
  const problems = error.issues.map((issue) => {
    const at = joinPath('', issue.path);
    return at === '' ? issue.message : `${at}: ${issue.message}`;
  });
  return { field, message: problems.join('; ') };
}

/**
 * A YAML path such as `inboundCall.tasks[0].task.actions[2].callData`, built one segment at a
 * time and rendered only when an issue or a reference needs it. Concatenating strings at every
 * level would cost time and memory quadratic in the nesting depth.
 */
export class FieldPath {
  private constructor(
    private readonly parent: FieldPath | undefined,
    private readonly segment: string,
  ) {}

  static root(name: string): FieldPath {
    return new FieldPath(undefined, name);
  }

  key(key: string): FieldPath {
    return new FieldPath(this, /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
  }

  index(index: number): FieldPath {
    return new FieldPath(this, `[${index}]`);
  }

  toString(): string {
    const segments: string[] = [];
    for (let path: FieldPath | undefined = this; path; path = path.parent) segments.push(path.segment);
    return segments.reverse().join('');
  }
}

export type Field = FieldPath | string;
