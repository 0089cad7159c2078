/** The credential flags of `fetch` and `--live`; the environment stays the default. */
export const CREDENTIALS_HELP = `  --client-id ID            the OAuth client id (instead of GENESYSCLOUD_OAUTHCLIENT_ID)
  --client-secret-stdin     read the client secret from the first line of standard input
  --client-secret SECRET    the secret itself: works, with a warning, as a command line is
                            visible to other users of the machine (ps) and stays in shell history
`;

/** Option help shared by the commands that take a graph source and analysis options. */
export const SOURCE_HELP = `Input:
  <files or folders>        flow files: tutorial JSON, Flowgraph snapshots, Archy YAML, Architect
                            exports (*.i3*); folders are searched recursively (hidden entries,
                            node_modules and .git skipped); the format is detected per file
  --live                    crawl the org of GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET / _REGION
                            (or of the credential flags below)
  --demo                    crawl a built-in simulated org (no credentials needed)
  --set name=value          a template value for {{name}} / \${name} placeholders (repeatable)
  --substitutions PATH      template values (repeatable): Terraform files or a folder of them
                            (.tf, .tf.json, .tfvars): each genesyscloud_flow resource fills
                            the flow file its filepath names; or a JSON object / name=value
                            lines for every file. --set wins over both
Credentials (with --live):
${CREDENTIALS_HELP}`;

export const ANALYSIS_OPTIONS_HELP = `Analysis:
  --format text|json        text for people (default), json = AnalysisResult + "imports"
  --strict                  every cycle blocks deployment, step loops included
  --target-version V        every flow must be at version V
  --allowed-status S,...    every flow's status must be one of these
  -h, --help                this help
`;
