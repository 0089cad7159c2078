/** An input path given that cannot be used at all (it does not exist): the CLI exits 2 with its message. */
export class InputError extends Error {
  override name = 'InputError';
}

function fsCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** An fs error in words a person acts on, without the errno noise. */
export function describeFsError(error: unknown): string {
  const code = fsCode(error);
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}

export function isNotFound(error: unknown): boolean {
  return fsCode(error) === 'ENOENT';
}
