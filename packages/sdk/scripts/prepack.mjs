// npm pack / npm publish: build dist, then swap in the published manifest (see
// published-manifest.mjs); postpack.mjs puts the workspace manifest back.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedManifest } from './published-manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const path = join(root, 'package.json');
copyFileSync(path, join(root, 'package.json.workspace'));
writeFileSync(path, `${JSON.stringify(publishedManifest(JSON.parse(readFileSync(path, 'utf8'))), null, 2)}\n`);
