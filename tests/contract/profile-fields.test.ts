import { describe, expect, it } from 'vitest';
import { profileFields, profileViewSchema } from '../../shared/contract/views.js';

// The one mapping from a stored profile to what the doors show (the store's records and the IPC views).
describe('profileFields', () => {
  it('keeps exactly the view fields but the secondary flag, whatever else the object carries', () => {
    const stored = {
      id: 'p1',
      name: 'demo',
      appId: 'a'.repeat(32),
      createdAt: '2026-01-01T00:00:00.000Z',
      isDefault: true,
      appCertificate: 'b'.repeat(32),
      hasSecondaryCertificate: true,
    };
    const fields = profileFields(stored);
    expect(fields).toEqual({
      id: 'p1',
      name: 'demo',
      appId: 'a'.repeat(32),
      createdAt: '2026-01-01T00:00:00.000Z',
      isDefault: true,
    });
    expect(Object.keys(fields).sort()).toEqual(
      Object.keys(profileViewSchema.def.shape)
        .filter((key) => key !== 'hasSecondaryCertificate')
        .sort(),
    );
  });
});
