export { type ArchyYamlResult, archyYamlImporter, importArchyData, importArchyYaml } from './importer.js';
export { ARCHY_FLOW_TYPE_KEYS } from './flow-type-keys.js';
export { yamlFlowId } from './flow-id.js';
