import { spawn } from 'node:child_process';
import { chmod, mkdtemp, open, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/index.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowgraph-atomic-'));
  folders.push(dir);
  return dir;
}

describe('[U] writeFileAtomic', () => {
  it('writes text, bytes and chunks, replacing the file (a new inode) and leaving no temp file', async () => {
    const dir = await folder();
    const target = join(dir, 'org.snapshot.json');
    await writeFileAtomic(target, 'first');
    // Renamed over, not truncated in place: a reader that opened the old file still reads it whole.
    const reader = await open(target, 'r');
    await writeFileAtomic(target, new TextEncoder().encode('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await reader.readFile('utf8')).toBe('first');
    await reader.close();
    async function* chunks() {
      yield 'th';
      yield new TextEncoder().encode('ir');
      yield 'd';
    }
    await writeFileAtomic(target, chunks());
    expect(await readFile(target, 'utf8')).toBe('third');
    expect(await readdir(dir)).toEqual(['org.snapshot.json']);
  });

  it('keeps the target’s permissions and writes through a symlink to the file it points at', async () => {
    const dir = await folder();
    const real = join(dir, 'real.json');
    await writeFile(real, 'old');
    await chmod(real, 0o600);
    const link = join(dir, 'link.json');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect(await readFile(real, 'utf8')).toBe('new');
    expect((await stat(real)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json']);
  });

  it('leaves the previous file whole and removes its temp file when the content fails mid-way', async () => {
    const dir = await folder();
    const target = join(dir, 'out.json');
    await writeFile(target, 'previous');
    async function* failing() {
      yield 'half';
      throw new Error('crawl aborted');
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow('crawl aborted');
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('writes a device such as /dev/null in place', async () => {
    await expect(writeFileAtomic('/dev/null', 'nothing')).resolves.toBeUndefined();
  });
});

describe('[I] a process killed in the middle of writing', () => {
  it('leaves the previous file intact (kill -9 after the first megabyte)', async () => {
    const dir = await folder();
    const target = join(dir, 'org.snapshot.json');
    const previous = JSON.stringify({ flows: ['the good snapshot'] });
    await writeFile(target, previous);
    const child = spawn(
      process.execPath,
      ['--conditions=@flowgraph/source', '--import', 'tsx', join(import.meta.dirname, 'fixtures', 'hang-mid-write.ts'), target],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('writing')) resolve();
      });
      child.once('exit', () => reject(new Error(`the writer ended before writing: ${stderr}`)));
    });
    // The write is under way: its temp file holds the first megabyte.
    const temp = (await readdir(dir)).find((name) => name.endsWith('.tmp'));
    expect(temp).toBeDefined();
    expect((await stat(join(dir, temp!))).size).toBeGreaterThan(1 << 20);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await readFile(target, 'utf8')).toBe(previous);
    // The next write still works and replaces it.
    await writeFileAtomic(target, 'next');
    expect(await readFile(target, 'utf8')).toBe('next');
  });
});
