/** The inputs each token kind needs; errors come from validateForm and the handler. */
import { Field } from '../../components/Field.js';
import type { FieldErrors, GenerateForm } from '../../logic/generate-form.js';

export interface KindFieldsProps {
  form: GenerateForm;
  errors: FieldErrors;
  update(patch: Partial<GenerateForm>): void;
}

function RoleSelect({ form, update }: Pick<KindFieldsProps, 'form' | 'update'>) {
  return (
    <div className="field">
      <label htmlFor="gen-role">Role</label>
      <select id="gen-role" value={form.role} onChange={(event) => update({ role: event.target.value === 'subscriber' ? 'subscriber' : 'publisher' })}>
        <option value="publisher">Publisher (join, publish audio, video, data)</option>
        <option value="subscriber">Subscriber (join only)</option>
      </select>
    </div>
  );
}

function ExpireField({ form, errors, update }: KindFieldsProps) {
  return (
    <Field label="Token expiry (seconds)" inputMode="numeric" placeholder="3600" value={form.expire} error={errors.expire} hint="Empty or 0: 3600 s" onChange={(event) => update({ expire: event.target.value })} />
  );
}

function PrivilegeFields({ form, errors, update }: KindFieldsProps) {
  const names = [
    ['join', 'Join channel'],
    ['audio', 'Publish audio'],
    ['video', 'Publish video'],
    ['data', 'Publish data'],
  ] as const;
  return (
    <details className="advanced" open={form.perPrivilege} onToggle={(event) => update({ perPrivilege: event.currentTarget.open })}>
      <summary>Advanced: per-privilege expiry</summary>
      <div className="row">
        {names.map(([name, label]) => (
          <Field key={name} label={`${label} expiry (seconds)`} inputMode="numeric" placeholder="privilege expiry" value={form[name]} error={errors[name]} onChange={(event) => update({ [name]: event.target.value })} />
        ))}
      </div>
    </details>
  );
}

export function RtcFields(props: KindFieldsProps) {
  const { form, errors, update } = props;
  return (
    <>
      <Field label="Channel" value={form.channel} error={errors.channel} onChange={(event) => update({ channel: event.target.value })} />
      <fieldset className="inline-choice">
        <legend>Build by</legend>
        <label>
          <input type="radio" name="build-by" checked={form.buildBy === 'uid'} onChange={() => update({ buildBy: 'uid' })} /> By numeric uid
        </label>
        <label>
          <input type="radio" name="build-by" checked={form.buildBy === 'account'} onChange={() => update({ buildBy: 'account' })} /> By user account
        </label>
      </fieldset>
      {form.buildBy === 'uid' ? (
        <Field label="UID" inputMode="numeric" value={form.uid} error={errors.uid} hint="0..4294967295; 0 lets any user join" onChange={(event) => update({ uid: event.target.value })} />
      ) : (
        <Field label="User account" value={form.account} error={errors.account} onChange={(event) => update({ account: event.target.value })} />
      )}
      <RoleSelect form={form} update={update} />
      <div className="row">
        <ExpireField {...props} />
        <Field label="Privilege expiry (seconds)" inputMode="numeric" placeholder="token expiry" value={form.privilegeExpire} error={errors.privilegeExpire} onChange={(event) => update({ privilegeExpire: event.target.value })} />
      </div>
      <PrivilegeFields {...props} />
    </>
  );
}

export function RtmFields(props: KindFieldsProps) {
  const { form, errors, update } = props;
  return (
    <>
      <Field label="User ID" value={form.userId} error={errors.userId} onChange={(event) => update({ userId: event.target.value })} />
      <Field label="Stream channel (optional)" value={form.streamChannel} error={errors.streamChannel} hint="A channel name, or * for any" onChange={(event) => update({ streamChannel: event.target.value })} />
      <ExpireField {...props} />
    </>
  );
}

export function RteFields(props: KindFieldsProps) {
  const { form, errors, update } = props;
  return (
    <>
      <Field label="Channel" value={form.channel} error={errors.channel} onChange={(event) => update({ channel: event.target.value })} />
      <div className="row">
        <Field label="UID" inputMode="numeric" value={form.uid} error={errors.uid} onChange={(event) => update({ uid: event.target.value })} />
        <Field label="RTM user ID (optional)" placeholder="the uid" value={form.rtmUserId} error={errors.rtmUserId} onChange={(event) => update({ rtmUserId: event.target.value })} />
      </div>
      <RoleSelect form={form} update={update} />
      <ExpireField {...props} />
    </>
  );
}

export function ChatFields(props: KindFieldsProps) {
  const { form, errors, update } = props;
  return (
    <>
      <fieldset className="inline-choice">
        <legend>Chat token</legend>
        <label>
          <input type="radio" name="chat-kind" checked={form.chatKind === 'user'} onChange={() => update({ chatKind: 'user' })} /> User token
        </label>
        <label>
          <input type="radio" name="chat-kind" checked={form.chatKind === 'app'} onChange={() => update({ chatKind: 'app' })} /> App token
        </label>
      </fieldset>
      {form.chatKind === 'user' ? <Field label="User ID" value={form.userId} error={errors.userId} onChange={(event) => update({ userId: event.target.value })} /> : null}
      <ExpireField {...props} />
    </>
  );
}
