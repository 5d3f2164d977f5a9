'use strict';
// Writes the V8 code cache bin/load-bundle.js reads: loads the bundle as the launcher does,
// runs `--help` (which loads every command, so their code is compiled too) and saves the
// script's compiled code when the process exits. Run by scripts/bundle-cli.mjs.
const { writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { loadBundle } = require('../bin/load-bundle.js');

const [bundle, cacheFile] = process.argv.slice(2).map((file) => resolve(file));
process.argv.splice(2, process.argv.length, '--help');
const { serialise } = loadBundle(bundle, '');
process.on('exit', () => writeFileSync(cacheFile, serialise()));
