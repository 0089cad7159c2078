// The result types are inferred from the contract's zod schemas (contract/analysis.ts, contract/impact.ts).
export type {
  AnalysisResult,
  Cycle,
  Deployment,
  EdgeRef,
  Finding,
  FindingCode,
  ImportError,
  ImportWarning,
  Severity,
  Summary,
} from '../contract/analysis.js';
export type { Impact, ImpactEntry } from '../contract/impact.js';

export interface AnalyzeOptions {
  /** Any cycle blocks deployment, step-level loops included (the tutorial's rule). */
  strict?: boolean;
  /** Version policy: every flow must be at this version. */
  targetVersion?: string;
  /** Status policy: every flow's status must be one of these (case-insensitive). */
  allowedStatus?: string[];
}
