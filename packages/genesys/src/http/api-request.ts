/** A GET against the Platform API, described by its path template so metrics group by endpoint. */
export interface ApiRequest {
  /** e.g. `/api/v2/flows/{flowId}/latestconfiguration`. */
  path: string;
  /** Values for the `{placeholders}` in `path`; URI-encoded when filled in. */
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
}

/** The concrete path with its query, sorted so equal requests give equal strings (cache keys). */
export function resolvePath(request: ApiRequest): string {
  const path = request.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new TypeError(`resolvePath: no value for {${name}} in ${request.path}`);
    return encodeURIComponent(value);
  });
  const entries = Object.entries(request.query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return path;
  return `${path}?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
}
