/** Option help shared by the commands that take a graph source and analysis options. */
export const SOURCE_HELP = `Input:
  <files or folders>        flow files: tutorial JSON, Flowgraph snapshots, Archy YAML, Architect
                            exports (*.i3*); folders are searched recursively (hidden entries,
                            node_modules and .git skipped); the format is detected per file
  --live                    crawl the org of GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET / _REGION
  --demo                    crawl a built-in simulated org (no credentials needed)
  --set name=value          a template value for {{name}} / \${name} placeholders (repeatable)
  --substitutions FILE      template values from Terraform genesyscloud_flow substitutions
                            (.tf) or a JSON object; --set wins
`;

export const ANALYSIS_OPTIONS_HELP = `Analysis:
  --format text|json        text for people (default), json = AnalysisResult + "imports"
  --strict                  every cycle blocks deployment, step loops included
  --target-version V        every flow must be at version V
  --allowed-status S,...    every flow's status must be one of these
  -h, --help                this help
`;
