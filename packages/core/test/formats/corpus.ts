import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, filesBelow } from '../../../../testing/shared-data.js';
import type { InputFile } from '../../src/importers/importer.js';

export { CORPUS_DIR };

/** Every flow file of the corpus, path relative to the corpus folder (INDEX.md excluded); none when it is absent. */
export function corpusFiles(): InputFile[] {
  if (CORPUS_DIR === undefined) return [];
  const files: InputFile[] = [];
  for (const dir of readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(CORPUS_DIR, dir.name)).sort()) {
      const path = `${dir.name}/${name}`;
      files.push({ path, text: readFileSync(join(CORPUS_DIR, path), 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** One corpus file; call it only in tests that skip when `CORPUS_DIR` is undefined. */
export function corpusFile(path: string): InputFile {
  if (CORPUS_DIR === undefined) throw new Error('the corpus is absent: skip this test with CORPUS_DIR');
  return { path, text: readFileSync(join(CORPUS_DIR, path), 'utf8') };
}

export const isYamlPath = (path: string) => /\.ya?ml(\.tftpl)?$/.test(path);
/** The original encoded exports (their `.decoded.json` siblings are counted separately). */
export const isEncodedExportPath = (path: string) => /\.i3[A-Za-z]*(\.i3flow)?$/.test(path);

/** The YAML ↔ export pairs of INDEX.md: the export's manifest is the oracle for YAML extraction. */
export const PAIRS: ReadonlyArray<{ yaml: string; exported: string }> = [
  {
    yaml: 'GenesysCloudBlueprints__design-architect-flow-data-actions-for-resiliency/CacheExampleFlow.yaml',
    exported: 'GenesysCloudBlueprints__design-architect-flow-data-actions-for-resiliency/CacheExample.i3InboundFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__genesys-cloud-call-park/CallPark-Agent_Inbound_Flow.yaml',
    exported: 'GenesysCloudBlueprints__genesys-cloud-call-park/Call Park - Agent Inbound Flow.i3InboundFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__genesys-cloud-call-park/InQueue -Orbit_ Call_Park_Hold.yaml',
    exported: 'GenesysCloudBlueprints__genesys-cloud-call-park/InQueue - Orbit Call Park Hold.i3InQueueFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__genesys-cloud-call-park/Orbit-Parked_Call_Retrieval.yaml',
    exported: 'GenesysCloudBlueprints__genesys-cloud-call-park/Orbit - Parked Call Retrieval.i3InboundFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__update-gc-presence-on-communicate-call-activity-blueprint/Set GC User to Busy.yaml',
    exported: 'GenesysCloudBlueprints__update-gc-presence-on-communicate-call-activity-blueprint/Set GC User to Busy.i3WorkFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__update-gc-presence-on-communicate-call-activity-blueprint/Set GC User to Available.yaml',
    exported: 'GenesysCloudBlueprints__update-gc-presence-on-communicate-call-activity-blueprint/Set GC User to Available.i3WorkFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__terminate-voice-calls-with-no-queue/Terminate Outbound Call Missing Queue.yaml',
    exported: 'GenesysCloudBlueprints__terminate-voice-calls-with-no-queue/Terminate Outbound Call Missing Queue.i3WorkFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__process-automation-trigger-with-salesforce/exports__Conversation Summary.yaml',
    exported: 'GenesysCloudBlueprints__process-automation-trigger-with-salesforce/Conversation Summary.i3WorkFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__automated-callback-blueprint/Trigger proactive callback workflow.yaml',
    exported: 'GenesysCloudBlueprints__automated-callback-blueprint/Trigger_proactive callback workflow_v1-0.i3InboundFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__automated-callback-blueprint/Proactive callback offer.yaml',
    exported: 'GenesysCloudBlueprints__automated-callback-blueprint/Proactive_callbacks_v1-0.i3InQueueFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__merge-ephemeral-message-to-external-contact-blueprint/MergeExternalContactMessageFlow.yaml',
    exported:
      'GenesysCloudBlueprints__merge-ephemeral-message-to-external-contact-blueprint/MergeExternalContactMessageFlow.i3InboundMessage',
  },
  {
    yaml: 'GenesysCloudBlueprints__merge-ephemeral-message-to-external-contact-blueprint/ResolveContact.yaml',
    exported: 'GenesysCloudBlueprints__merge-ephemeral-message-to-external-contact-blueprint/ResolveContact.i3CommonModuleFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__web-messaging-chatbot-with-knowledge-base/DevOpsKnowledgeInbound_v1-0.yaml',
    exported: 'GenesysCloudBlueprints__web-messaging-chatbot-with-knowledge-base/DevOpsKnowledgeInbound_v2-0.i3InboundMessage',
  },
  {
    yaml: 'GenesysCloudBlueprints__scheduling-bot-blueprint/SchedulingBot.yaml',
    exported: 'GenesysCloudBlueprints__scheduling-bot-blueprint/SchedulingBot.i3BotFlow',
  },
  {
    yaml: 'GenesysCloudBlueprints__switch-voice-to-web-messaging/Switch to Web Messaging via SMS.yaml',
    exported: 'GenesysCloudBlueprints__switch-voice-to-web-messaging/Switch to Web Messaging via SMS.i3InQueueFlow',
  },
];

/** The project's own flow fixtures (a YAML + export + decoded export of one flow, a module, templates). */
export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'flows');

/** Every file under the fixtures folder, path relative to it. */
export function fixtureFiles(): InputFile[] {
  return filesBelow(FIXTURES_DIR)
    .map((path) => ({ path, text: readFileSync(join(FIXTURES_DIR, path), 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
