// @cdktf/hcl2json's Go runtime glue: a script that defines `globalThis.Go` (no exports).
declare module '@cdktf/hcl2json/wasm/wasm_exec.js';
