import type { FlowSteps } from '../model/flow-steps.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import type { Reference } from '../model/reference.js';

export interface InputFile {
  /** As the user gave it (relative paths stay relative): it names the file in every error. */
  path: string;
  text: string;
  /**
   * The file as read from disk (the CLI), when `text` is decoded from it on first read
   * (`inputFileFromBytes`): the tutorial importer reads a top-level array item by item from the
   * bytes and never decodes the whole text. A large file is given by a reader instead
   * (`inputFileFromReader`) and read only when this is: until then the tutorial importer reads it
   * a chunk at a time. Absent for files given as text (web app, server).
   */
  bytes?: Uint8Array;
  /**
   * Set by the reader when the file or folder could not be read (`permission denied`): the input
   * is reported as failed with this reason and the rest is still imported.
   */
  unreadable?: string;
  /**
   * Where the file is, for paths between files (a Terraform `filepath`): absolute, or relative to
   * one folder shared by every input (a dropped folder in the web app). Defaults to `path`.
   */
  location?: string;
}

export interface ImportContext {
  /** Template values for this file's `{{name}}` / `${name}` placeholders (CX-as-Code substitutions, `--set`). */
  substitutions: Readonly<Record<string, string>>;
  /** The `genesyscloud_flow` resource whose substitutions these are, for messages (`genesyscloud_flow.ivr in main.tf`). */
  flowResource?: string;
  /** Terraform files were given and none of their `genesyscloud_flow` resources names this file. */
  withoutFlowResource?: boolean;
}

/** What one importer makes of one file: nodes and edges it can tell alone, references to resolve later. */
export interface ImportUnit {
  file: string;
  format: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  references: Reference[];
  issues: ImportIssue[];
  /**
   * The importer guarantees every edge joins two nodes of this unit, so linking need not look
   * each endpoint up (1.2M lookups on a 620k-edge file). Omit it when in doubt.
   */
  edgesWithinUnit?: boolean;
  /**
   * Flows of `nodes` whose steps and transitions the importer wrote as columns (`FlowSteps`):
   * those steps are not in `nodes` nor their edges in `edges`. `withStepObjects` gives the unit
   * as objects only.
   */
  flowSteps?: FlowSteps[];
}

export interface Importer {
  /** Short format name shown in summaries: `tutorial-json`, `snapshot`, `archy-yaml`, `architect-export`. */
  format: string;
  /** Cheap sniff of the file name and the start of the text; never throws. */
  detect(file: InputFile): boolean;
  /** Never throws for bad input: problems go to `issues`, the rest of the file still imports. */
  parse(file: InputFile, context: ImportContext): ImportUnit;
}
