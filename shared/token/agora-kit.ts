import { createHash } from 'node:crypto';
import * as AccessToken2Module from 'agora-token/src/AccessToken2.js';
import type { AgoraKit } from './kinds/agora-kit-type.js';

/**
 * agora-token's AccessToken2 module, handed to each token kind's builder. The kind modules
 * only name its type, so they stay browser-safe (the renderer reads their schemas and form
 * fields) while the bytes are still assembled by agora-token itself, in main.
 */
export const agoraKit: AgoraKit = {
  ...AccessToken2Module,
  md5Hex: (text: string): string => createHash('md5').update(text, 'utf8').digest('hex'),
};

export type { AgoraKit };
