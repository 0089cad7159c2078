export { AuthenticationError } from './authentication-error.js';
export { ConfigurationError } from './configuration-error.js';
export { GenesysError } from './genesys-error.js';
export { GenesysHttpError, type HttpErrorDetails, networkErrorMessage } from './genesys-http-error.js';
export { PermissionError } from './permission-error.js';
export { ResponseShapeError } from './response-shape-error.js';
export { GenesysUnreachableError } from './unreachable-error.js';
