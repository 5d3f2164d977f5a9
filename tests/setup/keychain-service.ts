import { randomBytes } from 'node:crypto';
import { KEYCHAIN_SERVICE_ENV_VAR } from '../../shared/profiles/keychain.js';

// Every test file gets a keychain service of its own: test files run side by side, and a
// profile store reports every entry of its service that it has no profile for as an orphan.
// Spawned CLIs get only what a test passes them, so they use the real service name unless told.
process.env[KEYCHAIN_SERVICE_ENV_VAR] = `agora-token-desk-test-${randomBytes(6).toString('hex')}`;
