import { createDb } from '@tierlens/db';
import { openDatabase } from '@tierlens/db/runtime';
import { keyCommand, projectCreate, UsageError } from './commands/project-commands.ts';
import { parseArgs } from './parse-args.ts';

const HELP = `tierlens — operator commands

  tierlens migrate                              apply database migrations
  tierlens project create <name> [--org <id>] [--json]
                                                create a project and print its id and API key
  tierlens key create --project <id> [--json]   create another API key for a project
  tierlens key revoke <key id> --project <id>   revoke a key (stops working within seconds)
  tierlens reprice --project <id> --from <date> [--model <m> [--provider <p>]] [--json]
                                                price stored calls again (after a price change)
  tierlens classify < prompts.jsonl             JSONL {"id","prompt"} in, {"id","queryType","confidence"} out

The database is DATABASE_URL when set, otherwise the embedded PostgreSQL in TIERLENS_DATA_DIR
(started for the command if \`npm start\` is not running).`;

/** Runs one CLI command; returns the exit code. */
export async function main(argv: string[], io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) }): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  if (!command || command === 'help' || command === '--help' || args.flags.has('help')) {
    io.out(HELP);
    return command ? 0 : 2;
  }
  try {
    if (command === 'classify') {
      // Loaded only here: the classifier model is not needed by the database commands.
      const { classifyCommand } = await import('./commands/classify-command.ts');
      return await classifyCommand(process.stdin, io.out);
    }
    const opened = await openDatabase();
    try {
      if (command === 'migrate') {
        const { applied, alreadyApplied } = opened.migrations;
        io.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : `Database is up to date (${alreadyApplied.length} migrations).`);
        return 0;
      }
      const db = createDb(opened.url, { max: 2 });
      try {
        if (command === 'project' && args.positional[0] === 'create') {
          return await projectCreate(db, { ...args, positional: args.positional.slice(1) }, io.out);
        }
        if (command === 'key') return await keyCommand(db, args, io.out);
        if (command === 'reprice') {
          // Loaded only here: re-pricing brings the reports package (and its email renderer).
          const { repriceCommand } = await import('./commands/reprice-command.ts');
          return await repriceCommand(db, args, io.out);
        }
      } finally {
        await db.$disconnect();
      }
      throw new UsageError(`Unknown command "${[command, ...args.positional].join(' ')}".\n\n${HELP}`);
    } finally {
      await opened.close();
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    io.err(`tierlens ${command}: ${(err as Error).message}`);
    return 1;
  }
}
