// Placeholder until the screen lands (see the renderer briefs).
export function ServerScreen() {
  return (
    <section>
      <h1 id="screen-title">Local server</h1>
    </section>
  );
}
