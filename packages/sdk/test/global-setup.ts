/**
 * Before the SDK's tests: build `dist` if stale and install it as an app would get it (see
 * install-built-package.ts), once for the whole run, for the tests that use the package as
 * installed (built-package, process-exit). Test files run in parallel and must not rebuild under
 * each other.
 */
import { installBuiltPackage } from './install-built-package.js';

export default function setup(): void {
  installBuiltPackage();
}
