// Placeholder until the screen lands (see the renderer briefs).
export function GenerateScreen() {
  return (
    <section>
      <h1 id="screen-title">Generate</h1>
    </section>
  );
}
