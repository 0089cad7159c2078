/// <reference lib="webworker" />
import '@cdktf/hcl2json/wasm/wasm_exec.js';
import type { HclParser } from '@flowgraph/core';
import wasmUrl from '@cdktf/hcl2json/main.wasm.gz?url';

/** The Go runtime `wasm_exec.js` defines. */
interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
type Callback = (error: string | null, result: string) => void;
type Bridge = Record<string, ((...args: [...unknown[], Callback]) => void) | undefined>;

declare global {
  var Go: new () => GoRuntime;
  var __parse_terraform_config_wasm__: Bridge | undefined;
  var global: typeof globalThis | undefined;
}

let bridge: Promise<Bridge> | undefined;

/**
 * HashiCorp's HCL parser in the browser: the same WebAssembly build the CLI runs through
 * `@cdktf/hcl2json` (whose loader needs Node's fs and zlib). The 1.7 MB gzipped module is fetched
 * from this app's own assets only when a dropped folder holds a `.tf` file, unzipped with the
 * browser's DecompressionStream, and started once per worker.
 */
export const parseHcl: HclParser = async (name, text) => {
  bridge ??= start();
  const parse = (await bridge).parse;
  if (parse === undefined) throw new Error('the HCL parser did not start');
  const json = await new Promise<string>((resolve, reject) => {
    parse(name, text, (error, result) => (error ? reject(new Error(error)) : resolve(result)));
  });
  return JSON.parse(json) as unknown;
};

async function start(): Promise<Bridge> {
  const response = await fetch(wasmUrl);
  if (!response.ok || response.body === null) throw new Error(`could not load the HCL parser (${response.status})`);
  const bytes = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  const root: Bridge = {};
  // The Go program registers its functions on `global.__parse_terraform_config_wasm__` when it
  // starts: Node's name for the global object, which a worker calls `self` / `globalThis`.
  globalThis.global ??= globalThis;
  globalThis.__parse_terraform_config_wasm__ = root;
  void go.run(instance);
  for (let wait = 0; root.parse === undefined && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
  return root;
}
