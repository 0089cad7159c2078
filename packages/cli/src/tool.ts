/** How reports (SARIF's `tool.driver`) name this program; a test keeps the version in step with package.json. */
export const TOOL = { name: 'flowgraph', version: '0.1.0' } as const;
