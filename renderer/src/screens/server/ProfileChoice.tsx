/** The profiles the server serves: a checkbox each, the default first; the first checked answers requests without appId. */
import type { ProfileView } from '../../../../shared/contract/index.js';

export function servedOrder(profiles: readonly ProfileView[]): ProfileView[] {
  return [...profiles].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

export function ProfileChoice(props: {
  profiles: readonly ProfileView[];
  chosen: readonly string[];
  disabled: boolean;
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const ordered = servedOrder(props.profiles);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(props.chosen);
    if (on) next.add(id);
    else next.delete(id);
    props.onChange(ordered.filter((profile) => next.has(profile.id)).map((profile) => profile.id));
  };
  return (
    <fieldset className="choice-list" aria-describedby="served-profiles-hint">
      <legend>Profiles served</legend>
      {ordered.map((profile) => (
        <label key={profile.id} className="choice">
          <input
            type="checkbox"
            checked={props.chosen.includes(profile.id)}
            disabled={props.disabled}
            onChange={(event) => toggle(profile.id, event.target.checked)}
          />{' '}
          {profile.name} ({profile.appId}){profile.isDefault ? ' — default' : ''}
        </label>
      ))}
      <p className="field-hint" id="served-profiles-hint">
        Requests pick a project with appId; without it, the first checked profile answers.
      </p>
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
