/**
 * The path to come back to after sign-in, only if it is a path of this app: `/`, `/x?y#z`.
 * Anything that could leave the origin (`//evil`, `/\evil`, `https://…`, control characters,
 * `/auth/…` itself) becomes `/`: the login redirect must not be an open redirect.
 */
export function safeReturnPath(input: unknown, origin: string): string {
  if (typeof input !== 'string' || input.length === 0 || input.length > 2048) return '/';
  if (!input.startsWith('/') || input.startsWith('//') || input.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(input)) return '/';
  let url: URL;
  try {
    url = new URL(input, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
