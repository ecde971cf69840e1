// Restores the workspace manifest that prepack.mjs replaced.
import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const saved = join(root, 'package.json.workspace');
if (existsSync(saved)) renameSync(saved, join(root, 'package.json'));
