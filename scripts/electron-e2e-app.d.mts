// Types of scripts/electron-e2e-app.mjs for the TypeScript suite and its unit tests.
export declare const EXECUTABLE_ENV: 'ELECTRON_E2E_EXECUTABLE';
export declare const PACKAGED_ENV: 'ELECTRON_E2E_PACKAGED';
export declare const E2E_BUILDER_CONFIG: 'electron-builder.e2e.yml';

export interface BuilderNames {
  productName: string;
  linuxExecutableName: string;
  outputDir: string;
}
export type PackagedKind = 'appimage' | 'unpacked' | 'app';

export declare function builderNames(root: string, read?: (path: string) => string): BuilderNames;

export declare function packagedExecutable(options: {
  platform: NodeJS.Platform;
  arch: string;
  kind: string;
  outputDir: string;
  names: BuilderNames;
  list: (dir: string) => string[];
}): string | undefined;

export declare function devElectronBinary(
  root: string,
  env: NodeJS.ProcessEnv,
  exists?: (path: string) => boolean,
  read?: (path: string) => string,
): string | undefined;

export type LocatedApp =
  { mode: 'packaged' | 'dev'; executable: string } | { mode: 'absent' | 'error'; reason: string };

export declare function locateElectronApp(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  exists?: (path: string) => boolean;
  list?: (dir: string) => string[];
  read?: (path: string) => string;
}): LocatedApp;
