// Placeholder until the screen lands (see the renderer briefs).
export function DecodeScreen() {
  return (
    <section>
      <h1 id="screen-title">Decode</h1>
    </section>
  );
}
