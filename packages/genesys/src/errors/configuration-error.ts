import { GenesysError } from './genesys-error.js';

/** Missing or invalid settings: region, base URL, credentials. Names the setting, never its secret value. */
export class ConfigurationError extends GenesysError {}
