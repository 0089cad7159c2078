import { type FormEvent, useState } from 'react';
import { useDispatch, useGraphSelector } from '../state/store-context.js';
import { Panel } from './Panel.js';

/** Version / status policy inputs; applying them re-queries the server's analysis. */
export function PolicyPanel() {
  const dispatch = useDispatch();
  const policy = useGraphSelector((state) => state.policy);
  const [version, setVersion] = useState(policy.targetVersion);
  const [statuses, setStatuses] = useState(policy.allowedStatus.join(', '));
  const [strict, setStrict] = useState(policy.strict);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const allowedStatus = statuses
      .split(',')
      .map((status) => status.trim())
      .filter((status) => status !== '')
      .sort();
    dispatch({ type: 'setPolicy', policy: { targetVersion: version.trim(), allowedStatus, strict } });
  };

  return (
    <Panel title="Version policy" testId="policy-panel" open={policy.targetVersion !== '' || policy.allowedStatus.length > 0}>
      <form className="policy" onSubmit={apply}>
        <label>
          Target version
          <input data-testid="policy-version" value={version} placeholder="e.g. 3.0" onChange={(e) => setVersion(e.target.value)} />
        </label>
        <label>
          Allowed statuses
          <input
            data-testid="policy-status"
            value={statuses}
            placeholder="e.g. published, approved"
            onChange={(e) => setStatuses(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} />
          Strict: loops inside flows block deployment
        </label>
        <button type="submit" className="button primary" data-testid="policy-apply">
          Check policy
        </button>
      </form>
    </Panel>
  );
}
