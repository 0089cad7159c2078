/** Where sign-in starts and, once done, comes back to: this very page. */
export function signInUrl(): string {
  const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  return `/auth/login?returnTo=${encodeURIComponent(here)}`;
}
