// zod's English messages for this command's schemas; `decode` loads no zod at all (cli/main.ts).
import '../../shared/zod-english.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseInput } from '../../shared/contract/fields.js';
import type { Generated } from '../../shared/contract/views.js';
import { TokenDeskError } from '../../shared/errors.js';
import { buildParsedKind } from '../../shared/token/build-kind.js';
import { inputFromValues, type FieldValues } from '../../shared/token/kinds/field-values.js';
import type { KindField, TokenKind } from '../../shared/token/kinds/kind.js';
import { TOKEN_KINDS } from '../../shared/token/kinds/registry.js';
import type { CredentialRequest, CredentialSource } from '../credentials.js';
import { printJson, processOutput, runCommand, type Output } from '../output.js';

/** `token <kind>`: one subcommand per kind in the registry, flags from its field declarations. */

export interface TokenOptions {
  kind: TokenKind;
  /** Flag values by field key, as typed. */
  values: FieldValues;
  profile?: string | undefined;
  json?: boolean | undefined;
}

export interface TokenDeps {
  resolveCredentials(request: CredentialRequest): Promise<CredentialSource>;
  output: Output;
}

const defaultDeps = async (): Promise<TokenDeps> => {
  // Loaded on use: the profile store (and the keychain behind it) only when a command runs.
  const { resolveCredentials } = await import('../credentials.js');
  return { resolveCredentials, output: processOutput };
};

/** Exactly one of each group of alternative flags (uid or account), in the CLI's words. */
function checkAlternatives(fields: readonly KindField[], values: FieldValues): void {
  const groups = new Map<string, KindField[]>();
  for (const field of fields)
    if (field.oneOf !== undefined) groups.set(field.oneOf, [...(groups.get(field.oneOf) ?? []), field]);
  for (const [, group] of groups) {
    const given = group.filter((field) => values[field.key] !== undefined);
    if (given.length !== 1) {
      const flags = group.map((field) => `--${field.flag}`);
      throw new TokenDeskError('invalid_input', `give either ${flags.join(' or ')}`, group[0]?.key);
    }
  }
}

export async function runToken(options: TokenOptions, deps?: TokenDeps): Promise<void> {
  const { kind, values } = options;
  for (const field of kind.fields) {
    if (field.required && values[field.key] === undefined) {
      throw new TokenDeskError(
        'invalid_input',
        `required option '--${field.flag} ${field.valueName ?? '<value>'}' not specified`,
        field.key,
      );
    }
  }
  checkAlternatives(kind.fields, values);
  // Input is checked before credentials, so a typo is reported even without credentials.
  const input = parseInput(kind.schema, inputFromValues(kind.fields, values));
  const d = deps ?? (await defaultDeps());
  const { credentials } = await d.resolveCredentials({ profile: options.profile });
  print(buildParsedKind(kind, credentials, input), options.json, d.output);
}

function print(built: Generated, json: boolean | undefined, output: Output): void {
  if (json) printJson(built, output);
  else if ('rtcToken' in built) {
    output.out(built.rtcToken);
    output.out(built.rtmToken);
  } else output.out(built.token);
}

const CREDENTIALS_HELP = `
Credentials: --profile NAME, else APP_ID and APP_CERTIFICATE from the environment
or a .env file in the working directory, else the default profile.
Output: the token alone on stdout (so $(agora-token-desk token ...) works), or JSON with --json.`;

/** A flag given twice is a mistake (which one did the user mean?), except for lists. */
function once(flag: string) {
  return (value: string, previous: unknown): string => {
    if (previous !== undefined) throw new InvalidArgumentError(`--${flag} was given more than once`);
    return value;
  };
}
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function fieldOption(field: KindField): Option {
  // Required flags are checked by runToken, not commander: its mandatory check runs before
  // its unknown-option check, so a typo (--chanel) would hide behind "required option".
  const option = new Option(
    `--${field.flag} ${field.valueName ?? '<value>'}`,
    field.required ? `${field.help} (required)` : field.help,
  );
  if (field.type === 'list') return option.argParser(collect);
  const single = once(field.flag);
  const choices = field.choices;
  if (choices === undefined) return option.argParser(single);
  // Commander's .choices() installs its own parser; keep its wording, and the once-rule.
  option.argChoices = [...choices];
  return option.argParser((value: string, previous: unknown) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return single(value, previous);
  });
}

function kindCommand(kind: TokenKind): Command {
  const command = new Command(kind.id).description(kind.description);
  for (const field of kind.fields) command.addOption(fieldOption(field));
  command
    .addOption(
      new Option('--profile <name>', 'use the App ID and certificate of this saved profile').argParser(once('profile')),
    )
    .option('--json', 'print JSON with the token and its issue and expiry times')
    .addHelpText(
      'after',
      `${CREDENTIALS_HELP}\nExamples:\n${kind.examples.map((example) => `  agora-token-desk token ${kind.id}${example === '' ? '' : ` ${example}`}`).join('\n')}`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const values: Record<string, string | string[] | undefined> = {};
      for (const field of kind.fields) {
        const attribute = new Option(`--${field.flag}`).attributeName();
        values[field.key] = flags[attribute] as string | string[] | undefined;
      }
      await runCommand(() =>
        runToken({ kind, values, profile: flags['profile'] as string | undefined, json: flags['json'] === true }),
      );
    });
  return command;
}

export function tokenCommand(): Command {
  const token = new Command('token').description(`build a token: ${TOKEN_KINDS.map((kind) => kind.id).join(', ')}`);
  for (const kind of TOKEN_KINDS) token.addCommand(kindCommand(kind));
  return token;
}
