/** The latest requests the server answered, newest first (never tokens or query strings). */
import type { RequestLogEntry } from '../../../../shared/contract/index.js';

export function RequestLog({ entries }: { entries: readonly RequestLogEntry[] }) {
  return (
    <section className="card" aria-label="Request log">
      <h2>Requests</h2>
      {entries.length === 0 ? (
        <p className="muted">No requests yet. The latest 200 appear here, newest first.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">ms</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.time}-${index}`}>
                <td>{new Date(entry.time).toLocaleTimeString()}</td>
                <td>{entry.method}</td>
                <td>
                  <code>{entry.path}</code>
                </td>
                <td className={entry.status >= 400 ? 'status-bad' : 'status-ok'}>{entry.status}</td>
                <td>{entry.ms.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
