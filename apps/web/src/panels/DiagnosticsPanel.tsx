import { useQuery } from '@tanstack/react-query';
import { metricsQuery } from '../api/queries.js';
import { Panel } from './Panel.js';

const ms = (value: number) => `${Math.round(value)} ms`;

/** Fetch diagnostics from the server: latency per endpoint, retries, rate-limit waits. */
export function DiagnosticsPanel() {
  const metrics = useQuery(metricsQuery());
  const m = metrics.data;
  return (
    <Panel title="Fetch diagnostics" testId="diagnostics-panel" open={false}>
      {metrics.isError && <p className="error">{metrics.error.message}</p>}
      {m && (
        <>
          <div className="kv">
            <span>Requests</span>
            <strong>{m.requests}</strong>
            <span>Retries</span>
            <strong>{m.retries}</strong>
            <span>429 waits</span>
            <strong>
              {m.rateLimitWaits} ({(m.rateLimitWaitMs / 1000).toFixed(1)} s)
            </strong>
          </div>
          <table className="metrics">
            <thead>
              <tr>
                <th>Endpoint</th>
                <th>n</th>
                <th>p50</th>
                <th>p95</th>
                <th>err</th>
              </tr>
            </thead>
            <tbody>
              {m.endpoints.map((row) => (
                <tr key={row.endpoint}>
                  <td title={row.endpoint}>{row.endpoint}</td>
                  <td>{row.count}</td>
                  <td>{ms(row.p50)}</td>
                  <td>{ms(row.p95)}</td>
                  <td>{row.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}
