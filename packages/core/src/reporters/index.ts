export { CHANGE_DIAGRAM_LIMITS, type ChangeDiagram, changeDiagram, type DiagramLimits } from './change-diagram.js';
export { toGithubAnnotations } from './github-annotations.js';
export { toJunit } from './junit.js';
export { checkMarkdown } from './markdown-check.js';
export { type DiffMarkdownOptions, describeChange, describeChanges, diffMarkdown } from './markdown-diff.js';
export {
  type CheckReportInput,
  checkProblems,
  diffProblems,
  isOpen,
  type Problem,
  type ProblemReport,
  type ProblemState,
  type ReportNode,
  reportNodeOf,
} from './problems.js';
export { ruleFor } from './rules.js';
export { isRepositoryFile, type ToolInfo, toSarif } from './sarif.js';
