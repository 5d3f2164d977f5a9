import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  loadWindowState,
  saveWindowState,
  windowStatePath,
} from '../../electron/window-state.js';

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }];
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atd-window-'));
  file = windowStatePath(join(dir, 'data'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('starts with the defaults when nothing was saved', () => {
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('remembers size, position and maximized across launches (creating the data folder)', () => {
    saveWindowState(file, { x: 100, y: 80, width: 1300.4, height: 900 }, true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      width: 1300,
      height: 900,
      x: 100,
      y: 80,
      maximized: true,
    });
    expect(loadWindowState(file, SCREEN)).toEqual({ width: 1300, height: 900, x: 100, y: 80, maximized: true });
  });

  it('drops a position that is on no current display', () => {
    saveWindowState(file, { x: 3000, y: 100, width: 1000, height: 700 }, false);
    expect(loadWindowState(file, SCREEN)).toEqual({ width: 1000, height: 700, maximized: false });
    const twoScreens = [...SCREEN, { x: 1920, y: 0, width: 2560, height: 1440 }];
    expect(loadWindowState(file, twoScreens)).toMatchObject({ x: 3000, y: 100 });
  });

  it('never opens smaller than the minimum size', () => {
    saveWindowState(file, { x: 0, y: 0, width: 200, height: 100 }, false);
    expect(loadWindowState(file, SCREEN)).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('falls back to the defaults for a corrupt or foreign file', () => {
    saveWindowState(file, { x: 0, y: 0, width: 1000, height: 700 }, false);
    writeFileSync(file, '{ not json');
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: 'wide', height: 700 }));
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
