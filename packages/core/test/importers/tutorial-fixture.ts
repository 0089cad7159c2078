/**
 * Builds a tutorial-shaped org as JSON text, chunk by chunk, so a 60 MB file never exists twice
 * as objects. Each flow is a chain of steps with menu loops back and a transfer to the next flow.
 */
export function generateTutorialOrg(flowCount: number, stepsPerFlow: number): string {
  const parts: string[] = ['['];
  for (let flow = 0; flow < flowCount; flow++) {
    const nodes: string[] = [];
    for (let step = 0; step < stepsPerFlow; step++) {
      const type = step === 0 ? 'start' : step % 10 === 0 ? 'menu' : 'task';
      nodes.push(`"n${step}":{"type":"${type}","name":"Step ${step} of flow ${flow}"}`);
    }
    const transitions: string[] = [];
    let id = 0;
    for (let step = 0; step + 1 < stepsPerFlow; step++) {
      transitions.push(`{"id":"t${id++}","from":"n${step}","to":"n${step + 1}","condition":"next"}`);
      if (step % 4 === 3) transitions.push(`{"id":"t${id++}","from":"n${step}","to":"n${step - 3}","condition":"repeat"}`);
    }
    transitions.push(`{"id":"t${id++}","from":"n${stepsPerFlow - 1}","to":"flow-${(flow + 1) % flowCount}","condition":"transfer"}`);
    parts.push(
      `${flow === 0 ? '' : ','}{"id":"flow-${flow}","name":"Flow ${flow}","type":"inboundcall","version":"1.0",` +
        `"metadata":{"status":"${flow % 3 === 0 ? 'draft' : 'published'}"},` +
        `"definition":{"nodes":{${nodes.join(',')}},"transitions":[${transitions.join(',')}]}}`,
    );
  }
  parts.push(']');
  return parts.join('');
}
