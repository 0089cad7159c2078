export { reportHtml } from './html.js';
export { reportMarkdown } from './markdown.js';
export { REPORT_CYCLE_DIAGRAM_LIMIT, REPORT_ROW_LIMIT, type ReportInput } from './model.js';
