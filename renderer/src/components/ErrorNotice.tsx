/** An error shown in the page (never alert()): one sentence, announced to screen readers. */
export function ErrorNotice({ message, title }: { message: string | undefined; title?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert">
      {title ? <strong>{title} </strong> : null}
      {message}
    </div>
  );
}
