/**
 * An Architect UI export (`*.i3InboundFlow`, `*.i3WorkFlow`, …) is
 * `base64(encodeURIComponent(JSON))` (developer-center blog, 2021-09-15). Already-decoded JSON
 * (the corpus `*.decoded.json`, or a user's own decoding) is accepted as it is.
 */
export type DecodedExport = { ok: true; data: unknown } | { ok: false; message: string };

export function decodeArchitectExport(text: string): DecodedExport {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseJson(trimmed, 'JSON');
  let uriEncoded: string;
  try {
    uriEncoded = atob(trimmed.replace(/\s+/g, ''));
  } catch {
    return { ok: false, message: 'not base64: an Architect export is base64 of URL-encoded JSON' };
  }
  let json: string;
  try {
    json = decodeURIComponent(uriEncoded);
  } catch {
    // Some tools base64 the JSON without URL-encoding it first.
    json = uriEncoded;
  }
  return parseJson(json, 'decoded export');
}

function parseJson(text: string, what: string): DecodedExport {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
