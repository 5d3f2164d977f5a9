/**
 * electron-builder's own code, driven without Electron: load and validate electron-builder.yml
 * exactly as `electron-builder` does, and run its app-file packaging step (file matchers,
 * node_modules collection, asar with asarUnpack) into a temporary folder. Only the step that
 * downloads and unpacks the Electron binary is left out; it cannot run here.
 */
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import type { Filter, FilterStats } from 'builder-util/out/fs.js';
import { REPO_ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
type AppBuilderLib = typeof import('app-builder-lib');
type ConfigModule = typeof import('app-builder-lib/out/util/config/config.js');
type FrameworkModule = typeof import('app-builder-lib/out/electron/ElectronFramework.js');
type BuilderUtil = typeof import('builder-util');
type Asar = typeof import('@electron/asar');
type FileMatcherModule = typeof import('app-builder-lib/out/fileMatcher.js');

const lib = require('app-builder-lib') as AppBuilderLib;
const configModule = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
const frameworkModule = require('app-builder-lib/out/electron/ElectronFramework.js') as FrameworkModule;
const fileMatcherModule = require('app-builder-lib/out/fileMatcher.js') as FileMatcherModule;
const builderUtil = require('builder-util') as BuilderUtil;
const asar = require('@electron/asar') as Asar;

export type Configuration = import('app-builder-lib').Configuration;

/** electron-builder.yml as electron-builder loads it (its own loader, defaults merged). */
export async function loadBuilderConfig(projectDir = REPO_ROOT): Promise<Configuration> {
  return configModule.getConfig(projectDir, null, null);
}

/** electron-builder's schema validation; rejects with its InvalidConfigurationError message. */
export async function validateBuilderConfig(config: Configuration): Promise<void> {
  await configModule.validateConfiguration(config, new builderUtil.DebugLogger(false));
}

/** Members of Packager/PlatformPackager that a real build sets or calls internally. */
interface PackagerInternals {
  _appInfo: InstanceType<AppBuilderLib['AppInfo']>;
  _framework: Awaited<ReturnType<FrameworkModule['createElectronFrameworkSupport']>>;
}
interface PlatformPackagerInternals {
  computeAsarOptions(options: unknown): Promise<object | null>;
  copyAppFiles(
    taskManager: InstanceType<BuilderUtil['AsyncTaskManager']>,
    asarOptions: object | null,
    resourcePath: string,
    defaultDestination: string,
    packContext: object,
    platformSpecificBuildOptions: unknown,
    excludePatterns: unknown[],
    macroExpander: (pattern: string) => string,
  ): void;
}

export interface LinuxPackagerSetup {
  packager: InstanceType<AppBuilderLib['Packager']>;
  linux: InstanceType<AppBuilderLib['LinuxPackager']>;
}

/** A Packager that has read and validated the project (Packager.build's first steps). */
export async function createLinuxPackager(projectDir = REPO_ROOT): Promise<LinuxPackagerSetup> {
  const packager = new lib.Packager({ projectDir });
  await packager.validateConfig();
  const internals = packager as unknown as PackagerInternals;
  internals._appInfo = new lib.AppInfo(packager, null);
  internals._framework = await frameworkModule.createElectronFrameworkSupport(packager.config, packager);
  return { packager, linux: new lib.LinuxPackager(packager) };
}

export interface PackagedApp {
  /** Files stored inside app.asar, relative, with forward slashes (e.g. "dist/electron/main.js"). */
  asarFiles: string[];
  /** Paths under app.asar.unpacked, relative. */
  unpackedFiles: string[];
}

/** Runs electron-builder's app-file step (as doPack does for linux-x64) into outDir/resources. */
export async function packAppFiles({ packager, linux }: LinuxPackagerSetup, outDir: string): Promise<PackagedApp> {
  const resources = join(outDir, 'resources');
  const arch = lib.Arch.x64;
  const options = linux.platformSpecificBuildOptions;
  const matcherOptions = linux.createGetFileMatchersOptions(outDir, arch, options);
  const internals = linux as unknown as PlatformPackagerInternals;
  const asarOptions = await internals.computeAsarOptions(options);
  const tasks = new builderUtil.AsyncTaskManager(packager.cancellationToken);
  const packContext = { appOutDir: outDir, outDir, arch, targets: [], packager: linux, electronPlatformName: 'linux' };
  internals.copyAppFiles(tasks, asarOptions, resources, join(resources, 'app'), packContext, options, [], matcherOptions.macroExpander);
  await tasks.awaitTasks();
  const archive = join(resources, 'app.asar');
  const asarFiles = asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((entry) => isPackedFile(archive, entry));
  const unpackedRoot = join(resources, 'app.asar.unpacked');
  const unpackedFiles = await listFiles(unpackedRoot);
  return { asarFiles, unpackedFiles };
}

/** A file whose bytes are in the archive (not a folder, not a file moved to app.asar.unpacked). */
function isPackedFile(archive: string, entry: string): boolean {
  const node = asar.statFile(archive, entry, false) as { files?: unknown; unpacked?: boolean };
  return node.files === undefined && node.unpacked !== true;
}

/** A file's text from the app.asar that packAppFiles wrote into outDir. */
export function readPackagedFile(outDir: string, path: string): string {
  return asar.extractFile(join(outDir, 'resources', 'app.asar'), path).toString('utf8');
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1).replace(/\\/g, '/'));
}

/**
 * The main "files" matcher electron-builder derives from the config for this project
 * (user globs plus its default exclusions), as a predicate over project-relative paths.
 */
export function mainFileFilter({ packager, linux }: LinuxPackagerSetup, outDir: string): (relativePath: string) => boolean {
  const options = linux.platformSpecificBuildOptions;
  const matcherOptions = linux.createGetFileMatchersOptions(outDir, lib.Arch.x64, options);
  const getMainFileMatchers = (fileMatcherModule as unknown as {
    getMainFileMatchers: (...args: unknown[]) => FileMatcher[];
  }).getMainFileMatchers;
  const [main] = getMainFileMatchers(packager.appDir, join(outDir, 'app'), matcherOptions.macroExpander, options, linux, outDir, false);
  if (main === undefined) throw new Error('electron-builder produced no file matcher for the app');
  return pathPredicate(main.createFilter(), packager.appDir);
}

/** electron-builder's asarUnpack matcher as a predicate over paths relative to the app. */
export function asarUnpackFilter({ packager, linux }: LinuxPackagerSetup, outDir: string): (relativePath: string) => boolean {
  const options = linux.platformSpecificBuildOptions;
  const matcherOptions = linux.createGetFileMatchersOptions(outDir, lib.Arch.x64, options);
  const destination = join(outDir, 'app');
  const matchers = fileMatcherModule.getFileMatchers(packager.config, 'asarUnpack', destination, {
    ...matcherOptions,
    defaultSrc: packager.appDir,
  });
  const filter = matchers?.[0]?.createFilter();
  return filter === undefined ? () => false : pathPredicate(filter, packager.appDir);
}

/** An electron-builder file filter applied to a (file) path relative to appDir. */
function pathPredicate(filter: Filter, appDir: string): (relativePath: string) => boolean {
  // The filter only asks the stat whether the path is a directory.
  const fileStat = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false } as unknown as FilterStats;
  return (relativePath) => filter(join(appDir, relativePath), fileStat);
}
