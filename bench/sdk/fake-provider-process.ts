/**
 * Runs the fake LLM provider in its own process for the benchmark, so that serving requests does
 * not share the measured process's event loop. Prints its URL on stdout; stops when stdin closes.
 */
import { startFakeProvider } from '../../test/support/fake-provider.ts';

const provider = await startFakeProvider({ recordRequests: false });
process.stdout.write(`${provider.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void provider.close().then(() => process.exit(0)));
