/**
 * The latest requests the server answered, newest first (never tokens or query strings),
 * read from main: a filter, Clear, and a row opens to show status, error, kind and timing.
 */
import { Fragment, useRef, useState } from 'react';
import type { RequestLogEntry } from '../../../../shared/contract/index.js';
import { filterLog, REQUEST_LOG_SIZE } from '../../logic/request-log.js';
import { useServer } from '../../state/server-context.js';
import { RequestDetails } from './RequestDetails.js';

const entryKey = (entry: RequestLogEntry, index: number): string =>
  entry.id === undefined ? `${entry.time}-${index}` : String(entry.id);

/** A path that may wrap after a slash, never inside a segment (a long one scrolls instead). */
function PathText({ path }: { path: string }) {
  const parts = path.split(/(?<=\/)/);
  return (
    <code className="request-path">
      {parts.map((part, index) => (
        <Fragment key={index}>
          <span>{part}</span>
          <wbr />
        </Fragment>
      ))}
    </code>
  );
}

export function RequestLog() {
  const { log, clearLog } = useServer();
  const [query, setQuery] = useState('');
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [opened, setOpened] = useState<string | undefined>();
  const filterRef = useRef<HTMLInputElement>(null);
  const shown = filterLog(log, query, errorsOnly);
  const toggle = (key: string) => setOpened((current) => (current === key ? undefined : key));
  const clear = async () => {
    await clearLog();
    setOpened(undefined);
    // Clear is disabled once the log is empty: keep the keyboard user in the log.
    filterRef.current?.focus();
  };

  return (
    <section className="card request-log" aria-label="Request log">
      <h2>Requests</h2>
      <div className="row log-tools">
        <div className="field">
          <label htmlFor="request-filter">Filter requests</label>
          <input
            id="request-filter"
            ref={filterRef}
            type="search"
            value={query}
            placeholder="path, status, kind or error"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <label className="choice">
          <input type="checkbox" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} />{' '}
          Errors only
        </label>
        <button type="button" disabled={log.length === 0} onClick={() => void clear()}>
          Clear log
        </button>
      </div>
      {log.length === 0 ? (
        <p className="muted">No requests yet. The latest {REQUEST_LOG_SIZE} appear here, newest first.</p>
      ) : shown.length === 0 ? (
        <p className="muted">No request matches the filter.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="muted">
              {shown.length === log.length ? `${log.length} requests` : `${shown.length} of ${log.length} requests`},
              newest first. Open a row for its details.
            </caption>
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
              {shown.map((entry, index) => {
                const key = entryKey(entry, index);
                const open = opened === key;
                return (
                  <Fragment key={key}>
                    <tr className={open ? 'request-row open' : 'request-row'} onClick={() => toggle(key)}>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={open}
                          aria-controls={open ? `request-${key}` : undefined}
                          onClick={(event) => {
                            event.stopPropagation();
                            toggle(key);
                          }}
                        >
                          {new Date(entry.time).toLocaleTimeString()}
                          <span className="visually-hidden">
                            {' '}
                            {entry.method} {entry.path} details
                          </span>
                        </button>
                      </td>
                      <td>{entry.method}</td>
                      <td>
                        <PathText path={entry.path} />
                      </td>
                      <td className={entry.status >= 400 ? 'status-bad' : 'status-ok'}>{entry.status}</td>
                      <td>{entry.ms.toFixed(1)}</td>
                    </tr>
                    {open ? (
                      <tr id={`request-${key}`} className="request-details-row">
                        <td colSpan={5}>
                          <RequestDetails entry={entry} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
