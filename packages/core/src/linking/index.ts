export { type LinkResult, link } from './link.js';
export { normaliseName } from './names.js';
