import { readFileSync } from 'node:fs';
import { FLOW_TYPES } from '@flowgraph/core';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OPENAPI_SPEC_PATH } from '../../../../testing/shared-data.js';

/** The official 2017 Swagger subset: team reference data, read at test time, never copied into the repo. */
export const SPEC_PATH = OPENAPI_SPEC_PATH;
export const specAvailable = SPEC_PATH !== undefined;

/** Dependency object types today: JS SDK 259 `index.d.ts`, 88 values (genesys-api.md §4). */
const CURRENT_DEPENDENCY_TYPES = (
  'ACDLANGUAGE ACDSKILL ACDWRAPUPCODE AGENTICVIRTUALAGENT AGENTICVIRTUALAGENTVERSION AUDIOCONNECTORBOT BOTCONNECTORBOT ' +
  'BOTCONNECTORINTEGRATION BOTFLOW BRIDGEACTION COMMONMODULEFLOW COMPOSERSCRIPT CONTACTLIST CONVERSATIONCUSTOMATTRIBUTESCHEMA ' +
  'CONVERSATIONSUMMARYSETTING CUSTOMERSEGMENT DATAACTION DATATABLE DECISIONTABLE DIALOGENGINEBOT DIALOGENGINEBOTVERSION ' +
  'DIALOGFLOWAGENT DIALOGFLOWCXAGENT DIGITALAUDIO DIGITALBOTCONNECTOR DIGITALBOTCONNECTORINTEGRATION DIGITALBOTFLOW DIVISION ' +
  'EMAILROUTE EMAILSENDFLOW EMERGENCYGROUP FILE FLOWACTION FLOWDATATYPE FLOWMILESTONE FLOWOUTCOME GRAMMAR GROUP GUIDE ' +
  'GUIDEVERSION IMAGE INBOUNDCALLFLOW INBOUNDCHATFLOW INBOUNDEMAILFLOW INBOUNDSHORTMESSAGEFLOW INQUEUECALLFLOW INQUEUEEMAILFLOW ' +
  'INQUEUESHORTMESSAGEFLOW IVRCONFIGURATION KNOWLEDGEBASE KNOWLEDGEBASEDOCUMENT KNOWLEDGESETTING LANGUAGE LEXBOT LEXBOTALIAS ' +
  'LEXV2BOT LEXV2BOTALIAS NLUDOMAIN NUANCEMIXBOT NUANCEMIXINTEGRATION OAUTHCLIENT OUTBOUNDCALLFLOW QUEUE RECORDINGPOLICY RESPONSE ' +
  'RESPONSEASSET SCHEDULE SCHEDULEGROUP SECUREACTION SECURECALLFLOW SMSPHONENUMBER STTENGINE SURVEYFORM SURVEYINVITEFLOW ' +
  'SYSTEMPROMPT TTSENGINE TTSVOICE USER USERPROMPT UTILIZATIONLABEL VIDEO VOICEFLOW VOICEMAILFLOW VOICESURVEYFLOW WIDGET ' +
  'WORKFLOW WORKITEMFLOW WORKTYPE'
).split(' ');

type JsonSchema = { [key: string]: unknown };
type Definitions = Record<string, JsonSchema & { properties: Record<string, JsonSchema> }>;

/**
 * THE list of allowed differences between the 2017 spec and today's API. Each patch is applied to
 * a copy of the spec's definitions and cites where the current shape comes from
 * (../shared/genesys/SOURCE.md "Known differences from the current API"). Anything not listed
 * here must match the 2017 spec exactly.
 */
export const ALLOWED_DIFFERENCES: ReadonlyArray<{ why: string; apply(definitions: Definitions): void }> = [
  {
    why: 'Flow.type enum grew from 8 to 20 values (SOURCE.md table, JS SDK 259 / Python SDK 257 Flow model).',
    apply: (d) => {
      (d.Flow as Definitions[string]).properties.type = { type: 'string', enum: FLOW_TYPES.filter((t) => t !== 'UNKNOWN') };
    },
  },
  {
    why: 'Dependency/DependencyObject.type enum grew from 27 to 88 values and lost VOICEXML (SOURCE.md; genesys-api.md §4).',
    apply: (d) => {
      for (const name of ['Dependency', 'DependencyObject']) {
        (d[name] as Definitions[string]).properties.type = { type: 'string', enum: CURRENT_DEPENDENCY_TYPES };
      }
    },
  },
  {
    why: 'DependencyStatus.status adds BUILDINCOMPLETE and BUILDQUEUED (SOURCE.md; PY257 models/dependency_status.py).',
    apply: (d) => {
      const status = (d.DependencyStatus as Definitions[string]).properties.status as { enum: string[] };
      status.enum = [...status.enum, 'BUILDINCOMPLETE', 'BUILDQUEUED'];
    },
  },
  {
    why:
      "`format: uri` fields (selfUri, nextUri, ...) hold relative references such as '/api/v2/flows?pageNumber=2&pageSize=25' " +
      'in real responses (the `gc flows list` output in the developer-center blog, genesys-api.md §2); checked as uri-reference.',
    apply: (d) => {
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (typeof node === 'object' && node !== null) {
          const record = node as JsonSchema;
          if (record.format === 'uri') record.format = 'uri-reference';
          Object.values(record).forEach(visit);
        }
      };
      visit(d);
    },
  },
];

let cached: ((definition: string) => ValidateFunction) | undefined;

/** A validator for `#/definitions/<name>` of the patched official spec. */
export function officialValidator(definition: string): ValidateFunction {
  if (!cached) {
    const spec = JSON.parse(readFileSync(SPEC_PATH!, 'utf8')) as { definitions: Definitions };
    for (const difference of ALLOWED_DIFFERENCES) difference.apply(spec.definitions);
    // Swagger 2.0 adds readOnly and numeric formats that JSON Schema validators do not know.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const format of ['int32', 'int64', 'double']) ajv.addFormat(format, true);
    ajv.addSchema({ $id: 'genesys', definitions: spec.definitions });
    const validators = new Map<string, ValidateFunction>();
    cached = (name) => {
      let validate = validators.get(name);
      if (!validate) {
        validate = ajv.compile({ $ref: `genesys#/definitions/${name}` });
        validators.set(name, validate);
      }
      return validate;
    };
  }
  return cached(definition);
}
