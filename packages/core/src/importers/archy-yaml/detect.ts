import type { InputFile } from '../importer.js';
import { ARCHY_FLOW_TYPE_KEYS } from './flow-type-keys.js';

const YAML_NAME = /\.(ya?ml)(\.tftpl)?$/i;
const FIRST_KEY = /^([A-Za-z]+)\s*:\s*(#.*)?$/;

/** A `.yaml`/`.yml`/`.yaml.tftpl` file, or any text whose first key is an Archy flow-type key. */
export function detectArchyYaml(file: InputFile): boolean {
  if (YAML_NAME.test(file.path)) return true;
  for (const line of file.text.slice(0, 4096).split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') continue;
    const key = FIRST_KEY.exec(trimmed)?.[1];
    return key !== undefined && Object.hasOwn(ARCHY_FLOW_TYPE_KEYS, key);
  }
  return false;
}
