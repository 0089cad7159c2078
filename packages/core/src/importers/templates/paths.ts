/**
 * Path arithmetic on `/`-separated paths, for matching a Terraform `filepath` to a flow file. Core
 * runs in the browser too, so no `node:path`: locations are absolute paths (the CLI) or paths
 * relative to one dropped folder (the web app); both work the same here.
 */
export function normalisePath(path: string): string {
  const unified = path.replace(/\\/g, '/');
  const absolute = unified.startsWith('/');
  const parts: string[] = [];
  for (const part of unified.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

export function directoryOf(path: string): string {
  const normalised = normalisePath(path);
  const slash = normalised.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : normalised.slice(0, slash);
}

/** `base` + `relative`, unless `relative` is absolute. */
export function joinPath(base: string, relative: string): string {
  if (relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)) return normalisePath(relative);
  return normalisePath(`${base}/${relative}`);
}

/** `to` relative to the folder `from` (`.` when the same), as Terraform writes `path.module`. */
export function relativePath(from: string, to: string): string {
  const source = normalisePath(from)
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  const target = normalisePath(to)
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  let common = 0;
  while (common < source.length && common < target.length && source[common] === target[common]) common++;
  const parts = [...source.slice(common).map(() => '..'), ...target.slice(common)];
  return parts.length === 0 ? '.' : parts.join('/');
}
