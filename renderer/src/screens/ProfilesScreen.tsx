// Placeholder until the screen lands (see the renderer briefs).
export function ProfilesScreen({ firstRun }: { firstRun: boolean }) {
  void firstRun;
  return (
    <section>
      <h1 id="screen-title">Profiles</h1>
    </section>
  );
}
