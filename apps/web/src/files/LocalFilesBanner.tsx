import { useLocalFiles } from './OpenFiles.js';

const PHASES = { reading: 'Reading', terraform: 'Reading Terraform', importing: 'Importing', analysing: 'Analysing' } as const;

/** While files opened in the page are read, their progress; once shown, that they are (and that nothing was uploaded). */
export function LocalFilesBanner() {
  const state = useLocalFiles();
  if (state.status === 'none') return null;
  if (state.status === 'loading') {
    const progress = state.progress;
    const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
    return (
      <div className="local-files-banner" role="status" data-testid="local-files-progress">
        <strong>
          {progress ? PHASES[progress.phase] : 'Reading'} {state.label}
        </strong>{' '}
        {progress ? `${progress.done} / ${progress.total} files` : `${state.count} files`}
        <progress max={1} value={share} />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="local-files-banner bad" role="alert" data-testid="local-files-failed">
        <strong>Could not read {state.label}:</strong> {state.message}
      </div>
    );
  }
  return (
    <div className="local-files-banner" role="status" data-testid="local-files-banner">
      <span>
        <strong>{`${state.label}${state.over ? ` deployed over ${state.over}` : ''}:`}</strong>{' '}
        {`${state.files} file(s), ${state.flows} flow(s), read in this page in ${state.ms.toLocaleString()} ms. Nothing was uploaded.`}
      </span>
    </div>
  );
}
