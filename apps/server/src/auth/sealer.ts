import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bumped if the format changes: sealed values of another version simply fail to open. */
const VERSION = 1;

/**
 * Encrypts what the store keeps for a session (its tokens) with AES-256-GCM, under a key derived
 * (HKDF-SHA256) from the OAuth client secret: a copy of the store's file without the secret
 * yields no token. Rotating the secret signs everyone out, which is what a rotated secret should do.
 */
export class Sealer {
  readonly #key: Buffer;

  constructor(secret: string) {
    if (secret.length === 0) throw new Error('Sealer needs a non-empty secret');
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'flowgraph', 'flowgraph session payload v1', 32));
  }

  seal(value: unknown): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  /** The value sealed, or undefined when the bytes were not sealed by this key (or were altered). */
  open(sealed: Buffer): unknown {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
    try {
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv(ALGORITHM, this.#key, iv);
      decipher.setAuthTag(tag);
      const text = Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  toJSON(): string {
    return '[Sealer]';
  }
}
