/**
 * Where a JSON text first goes wrong, as a character offset. V8 gives a position for some syntax
 * errors only ("Unexpected token ']', ... is not valid JSON" has none), and users need a line and
 * column for every one. Runs only after JSON.parse failed; iterative, so deep nesting is fine.
 */
export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let i = skipSpace(text, 0);
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'after' = 'value';
  while (true) {
    i = skipSpace(text, i);
    const char = text[i];
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : -1;
      if (char === ',') state = top === '{' ? 'key' : 'value';
      else if ((char === ']' && top === '[') || (char === '}' && top === '{')) stack.pop();
      else return i;
      i++;
      continue;
    }
    if (char === undefined) return i;
    if ((state === 'valueOrClose' && char === ']') || (state === 'keyOrClose' && char === '}')) {
      stack.pop();
      state = 'after';
      i++;
      continue;
    }
    if (state === 'key' || state === 'keyOrClose') {
      if (char !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      i = skipSpace(text, end);
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    if (char === '{' || char === '[') {
      stack.push(char);
      state = char === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    const end = char === '"' ? stringEnd(text, i) : scalarEnd(text, i);
    if (end < 0) return -end - 1;
    i = end;
    state = 'after';
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

/** The offset after a string starting at `from`; an error at offset o is returned as -(o + 1). */
function stringEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') return i + 1;
    if (char < ' ') return -(i + 1);
    if (char === '\\') {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 2);
        i += 5;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i++;
      else return -(i + 2);
    }
  }
  return -(text.length + 1);
}

const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

function scalarEnd(text: string, from: number): number {
  SCALAR.lastIndex = from;
  return SCALAR.test(text) ? SCALAR.lastIndex : -(from + 1);
}
