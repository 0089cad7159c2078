export { placeholderPattern, templateVariablesIn } from './placeholders.js';
export { type ProtectedText, protectPlaceholders } from './protect.js';
export { type ParsedSubstitutions, parseSubstitutions } from './substitutions.js';
export { type FlowResourceValues, type FlowSubstitutionPlan, planFlowSubstitutions, type TerraformFile } from './terraform-flows.js';
