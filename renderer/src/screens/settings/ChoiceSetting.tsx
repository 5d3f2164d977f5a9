/** One setting chosen from a few options: a radio group, saved as soon as it changes. */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

export function ChoiceSetting<T extends string>(props: {
  legend: string;
  name: string;
  choices: ReadonlyArray<Choice<T>>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="setting-choices">
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} className="setting-choice">
          <input
            type="radio"
            name={props.name}
            value={choice.value}
            checked={props.value === choice.value}
            onChange={() => props.onChange(choice.value)}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
