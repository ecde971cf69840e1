/**
 * A readable message from a failed request: tRPC sends input validation failures as a JSON
 * list of zod issues, which reads badly in a form.
 */
export function errorMessage(error: { message: string } | null | undefined): string | null {
  if (!error) return null;
  if (error.message.startsWith('[')) {
    try {
      const issues = JSON.parse(error.message) as { message?: string; path?: (string | number)[] }[];
      return issues.map((i) => (i.path?.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    } catch {
      // Not zod issues: show as is.
    }
  }
  return error.message;
}
