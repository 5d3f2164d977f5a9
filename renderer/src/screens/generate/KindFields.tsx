/** A kind's form, drawn from its field declarations in the registry. */
import { Field } from '../../components/Field.js';
import type { KindField } from '../../../../shared/token/kinds/kind.js';
import { EXPIRY_PRESETS, expirySeconds, longExpiryWarning } from '../../logic/expiry-presets.js';
import { chosenField, getKind, type FieldErrors, type GenerateForm } from '../../logic/generate-form.js';

export interface KindFieldsProps {
  form: GenerateForm;
  errors: FieldErrors;
  setValue(key: string, value: string): void;
  choose(group: string, key: string): void;
  /** The user left this field: its error may show from now on. */
  touch(key: string): void;
}

const ROLE_LABELS: Record<string, string> = {
  publisher: 'Publisher (join, publish audio, video, data)',
  subscriber: 'Subscriber (join only)',
};

/** 10 min, 1 h, 24 h: one click fills the token expiry. */
function ExpiryPresets({ value, set }: { value: string; set(seconds: number): void }) {
  const current = expirySeconds(value);
  return (
    <div className="expiry-presets" role="group" aria-label="Expiry presets">
      {EXPIRY_PRESETS.map((preset) => (
        <button
          key={preset.seconds}
          type="button"
          aria-pressed={current === preset.seconds}
          onClick={() => set(preset.seconds)}
        >
          {preset.label}
        </button>
      ))}
    </div>
  );
}

function Input({ field, form, errors, setValue, touch }: { field: KindField } & KindFieldsProps) {
  const value = form.values[field.key] ?? '';
  if (field.type === 'role') {
    const id = `gen-${field.key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{field.label}</label>
        <select
          id={id}
          value={value === '' ? (field.choices?.[0] ?? '') : value}
          onChange={(event) => setValue(field.key, event.target.value)}
        >
          {(field.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {ROLE_LABELS[choice] ?? choice}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const numeric = field.type === 'uid' || field.type === 'int';
  const warning = field.type === 'seconds' ? longExpiryWarning(value) : undefined;
  const hint =
    warning === undefined ? (
      field.hint
    ) : (
      <>
        {field.hint}
        <span className="field-warning">{warning}</span>
      </>
    );
  return (
    <>
      <Field
        label={field.label}
        inputMode={numeric ? 'numeric' : undefined}
        value={value}
        error={errors[field.key]}
        hint={hint}
        onChange={(event) => setValue(field.key, event.target.value)}
        onBlur={() => touch(field.key)}
      />
      {field.key === 'expire' ? (
        <ExpiryPresets
          value={value}
          set={(seconds) => {
            setValue(field.key, String(seconds));
            touch(field.key);
          }}
        />
      ) : null}
    </>
  );
}

/** Alternatives (uid or account): a choice, then the chosen field's box. */
function Alternatives({ group, fields, ...props }: { group: string; fields: KindField[] } & KindFieldsProps) {
  const chosen = fields.find((field) => chosenField(props.form, field)) ?? fields[0];
  return (
    <>
      <fieldset className="inline-choice">
        <legend>Build by</legend>
        {fields.map((field) => (
          <label key={field.key}>
            <input
              type="radio"
              name={`choice-${group}`}
              checked={field === chosen}
              onChange={() => props.choose(group, field.key)}
            />{' '}
            By {field.label.toLowerCase()}
          </label>
        ))}
      </fieldset>
      {chosen !== undefined ? <Input field={chosen} {...props} /> : null}
    </>
  );
}

function Fields({ fields, ...props }: { fields: readonly KindField[] } & KindFieldsProps) {
  const drawn = new Set<string>();
  return (
    <>
      {fields.map((field) => {
        if (field.oneOf === undefined) return <Input key={field.key} field={field} {...props} />;
        if (drawn.has(field.oneOf)) return null;
        drawn.add(field.oneOf);
        const group = fields.filter((candidate) => candidate.oneOf === field.oneOf);
        return <Alternatives key={field.oneOf} group={field.oneOf} fields={group} {...props} />;
      })}
    </>
  );
}

export function KindFields(props: KindFieldsProps) {
  const kind = getKind(props.form.kind);
  const basic = kind.fields.filter((field) => !field.advanced);
  const advanced = kind.fields.filter((field) => field.advanced);
  return (
    <>
      <p className="muted">{kind.formDescription}</p>
      {kind.fields.length === 0 ? <p className="muted">This kind takes no input.</p> : null}
      <Fields fields={basic} {...props} />
      {advanced.length > 0 ? (
        <details
          className="advanced"
          open={advanced.some(
            (field) => (props.form.values[field.key] ?? '') !== '' || props.errors[field.key] !== undefined,
          )}
        >
          <summary>More options</summary>
          <Fields fields={advanced} {...props} />
        </details>
      ) : null}
      {props.errors['form'] !== undefined ? (
        <p className="field-error" role="alert">
          {props.errors['form']}
        </p>
      ) : null}
    </>
  );
}
