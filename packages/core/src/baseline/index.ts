export {
  BASELINE_FORMAT,
  BASELINE_VERSION,
  type Baseline,
  type BaselineComparison,
  type BaselineEntry,
  BaselineEntrySchema,
  BaselineSchema,
  compareWithBaseline,
  createBaseline,
  hasNewBlockingProblems,
  serializeBaseline,
} from './baseline.js';
