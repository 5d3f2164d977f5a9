/**
 * The GUI's words for each token kind (issue 23): whole sentences without CLI flags, one
 * capitalisation style, expiry labels that match what the box takes, and one name per service.
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_LABELS } from '../../../shared/token/kinds/service-labels.js';
import { TOKEN_KINDS, getKind } from '../../../shared/token/kinds/registry.js';
import { kindDefaults, validateForm } from '../../../renderer/src/logic/generate-form.js';

const guiTexts = TOKEN_KINDS.flatMap((kind) => [
  [kind.id, kind.formDescription] as const,
  ...kind.fields.flatMap((field) =>
    field.hint === undefined ? [] : [[`${kind.id}.${field.key}`, field.hint] as const],
  ),
]);

describe("token kinds, in the app's words", () => {
  it.each(guiTexts)('%s: whole sentences, no CLI flag, nothing about printing', (_, text) => {
    expect(text).not.toMatch(/--\w|;|printed|\(optional\)/);
    expect(text).toMatch(/^[A-Z0-9].*\.$/s);
  });

  it('labels: sentence case, UUID in capitals, expiry without "(seconds)" (it takes 90s, 10m, 1h, 1d)', () => {
    for (const kind of TOKEN_KINDS) {
      for (const field of kind.fields) {
        expect(field.label).not.toMatch(/uuid|\(seconds\)/);
        expect(field.label.slice(1)).not.toMatch(/ [A-Z][a-z]/);
        if (field.type === 'seconds') expect(field.label).toMatch(/expiry$/);
      }
    }
    expect(getKind('rtc').fields.find((field) => field.key === 'expire')?.hint).toMatch(/90s, 10m, 1h or 1d/);
  });

  it('starts every form on values its kind accepts, apart from the fields a user must type', () => {
    const mustType: Record<string, string[]> = { rtc: ['channel'], rte: ['channel'], 'rtc-rtm': ['channel'] };
    mustType['convoai'] = mustType['stt'] = ['channel'];
    mustType['rtm'] = ['userId'];
    for (const kind of TOKEN_KINDS) {
      const errors = validateForm({ kind: kind.id, ...kindDefaults(kind.id) });
      expect(Object.keys(errors).sort(), kind.id).toEqual(mustType[kind.id] ?? []);
    }
  });

  it('names the STT and ConvoAI kinds as Decode names their services (renderer/src/logic/decoded-view.ts)', () => {
    expect(getKind('stt').label).toBe(SERVICE_LABELS.stt);
    expect(getKind('convoai').label).toBe(SERVICE_LABELS.convoai);
  });
});
