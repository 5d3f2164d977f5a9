/** The curl calls for every route, against the running server (the key only as $API_KEY). */
import { useState } from 'react';
import type { ServerStatus } from '../../../../shared/contract/index.js';
import { CopyButton } from '../../components/CopyButton.js';
import { routeExamples } from '../../logic/server-routes.js';

export function RouteList({ status }: { status: ServerStatus & { url: string } }) {
  const appIds = status.appIds ?? [];
  const [picked, setPicked] = useState(appIds[0] ?? '');
  const appId = appIds.length > 1 ? (appIds.includes(picked) ? picked : appIds[0]) : undefined;
  const examples = routeExamples(status.url, { apiKey: status.authentication === 'api-keys', appId });
  return (
    <section className="card" aria-labelledby="try-it-title">
      <h2 id="try-it-title">Try it</h2>
      {appIds.length > 1 ? (
        <div className="field">
          <label htmlFor="examples-app-id">Project in the examples</label>
          <select id="examples-app-id" value={appId} onChange={(event) => setPicked(event.target.value)}>
            {appIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ul className="route-list">
        {examples.map((route) => (
          <li key={route.label}>
            <span className="label">{route.label}</span>
            <div className="command-line">
              <code>{route.command}</code>
              <CopyButton text={route.command} what={`curl for ${route.label}`} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
