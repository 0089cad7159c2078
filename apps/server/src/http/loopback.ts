/**
 * Whether a host name (or listen address) is this machine only: `localhost`, 127.0.0.0/8 or
 * `::1` (bracketed or not). What only this machine's user can reach needs no sign-in.
 */
export function isLoopback(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
