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
