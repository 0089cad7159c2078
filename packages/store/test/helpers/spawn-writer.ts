import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const writer = fileURLToPath(new URL('./writer.ts', import.meta.url));

export interface Writer {
  child: ChildProcess;
  /** Resolves when the writer has printed `saved <n>` (its n-th commit). */
  saved(n: number): Promise<void>;
  /** Resolves when the writer holds an open write transaction (`hang` mode). */
  inTransaction: Promise<void>;
  exited: Promise<number | null>;
}

export function spawnWriter(dir: string, count: number, flows: number, hang = false): Writer {
  const child = spawn(
    process.execPath,
    ['--conditions=@flowgraph/source', '--import', 'tsx', writer, dir, String(count), String(flows), ...(hang ? ['hang'] : [])],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let committed = 0;
  let reachedTransaction: () => void = () => {};
  const inTransaction = new Promise<void>((resolve) => {
    reachedTransaction = resolve;
  });
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    committed += chunk.split('\n').filter((line) => line.startsWith('saved ')).length;
    if (chunk.includes('in transaction')) reachedTransaction();
    for (const wait of waiting.filter((w) => w.n <= committed)) wait.resolve();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    saved: (n) =>
      new Promise<void>((resolve, reject) => {
        if (committed >= n) return resolve();
        waiting.push({ n, resolve });
        exited.then(() => (committed >= n ? resolve() : reject(new Error(`writer exited after ${committed} saves`))));
      }),
    inTransaction,
    exited,
  };
}
