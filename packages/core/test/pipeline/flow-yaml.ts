/** A small inbound call flow in Archy YAML that transfers to other flows by name (test input). */
export function inboundYaml(name: string, transfersTo: readonly string[] = [], options: { queue?: string } = {}): string {
  const actions = transfersTo.map((target, index) => `          - transferToFlow: { name: To ${index}, targetFlow: { name: ${target} } }`);
  if (options.queue !== undefined)
    actions.push(`          - transferToAcd: { name: Queue, targetQueue: { lit: { name: ${options.queue} } } }`);
  actions.push('          - disconnect: { name: Bye }');
  return [
    'inboundCall:',
    `  name: ${name}`,
    '  division: Home',
    '  startUpRef: "/inboundCall/tasks/task[Start_1]"',
    '  defaultLanguage: en-us',
    '  tasks:',
    '    - task:',
    '        name: Start',
    '        refId: Start_1',
    '        actions:',
    ...actions,
    '',
  ].join('\n');
}
