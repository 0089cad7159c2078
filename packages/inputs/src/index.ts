/**
 * @flowgraph/inputs: flow files from disk, for the CLI and `flowgraph serve` (Node only; the
 * browser reads dropped files itself and hands core the same InputFile shape).
 */
export {
  type CollectOptions,
  collectInputFiles,
  displayPath,
  inputRoots,
  type ListedInput,
  listInputFiles,
  readListedInput,
} from './collect-files.js';
export { Debouncer } from './debounce.js';
export { describeFsError, InputError } from './errors.js';
export { readSubstitutionSources, type SubstitutionSources } from './terraform-files.js';
export { type InputWatcher, type WatchOptions, watchInputs } from './watch-inputs.js';
