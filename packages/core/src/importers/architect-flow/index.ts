export { importArchitectConfiguration } from './configuration.js';
