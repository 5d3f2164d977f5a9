/**
 * A setting typed as text (default expiry, default port): saved when the box loses focus or
 * on Enter, once it parses; until then the problem is shown at the field, nowhere else.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.js';
import type { Parsed } from '../../logic/settings-form.js';

export function TextSetting(props: {
  label: string;
  hint: string;
  /** The saved value as text; the box shows it again whenever it changes. */
  saved: string;
  parse: (text: string) => Parsed;
  save: (value: number) => Promise<void>;
  inputMode?: 'numeric' | 'text';
}) {
  const { saved, parse, save } = props;
  const [text, setText] = useState(saved);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => setText(saved), [saved]);

  const commit = async (): Promise<void> => {
    if (text.trim() === saved) return setError(undefined);
    const parsed = parse(text);
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    await save(parsed.value).catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void commit();
  };

  return (
    <form className="setting-text" onSubmit={onSubmit} noValidate>
      <Field
        label={props.label}
        hint={props.hint}
        error={error}
        value={text}
        inputMode={props.inputMode ?? 'text'}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void commit()}
      />
    </form>
  );
}
