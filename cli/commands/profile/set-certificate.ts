import { Command } from 'commander';
import { runCommand } from '../../output.js';
import { certificateQuestion, describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface SetCertificateOptions {
  name: string;
}

export async function runProfileSetCertificate(options: SetCertificateOptions, deps: ProfileDeps): Promise<void> {
  const store = await deps.store();
  const target = await store.get(options.name);
  const updated = await store.updateCertificate(
    target.id,
    await deps.input.secret(certificateQuestion(target.name, 'App Certificate')),
  );
  deps.output.out(`saved a new App Certificate for ${describeProfile(updated)}`);
}

export function profileSetCertificateCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('set-certificate')
    .description("replace a profile's App Certificate (read from standard input, hidden prompt on a terminal)")
    .argument('<name>', 'profile name')
    .addHelpText(
      'after',
      `\nExample:\n  printf '%s\\n' "$APP_CERTIFICATE" | agora-token-desk profile set-certificate demo`,
    )
    .action(async (name: string) => runCommand(() => runProfileSetCertificate({ name }, deps())));
}
