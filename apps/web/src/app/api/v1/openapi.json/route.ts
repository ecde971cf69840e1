import { openApiDocument } from '@/features/read-api/server/openapi-document';
import { publicUrl } from '@/server/public-url';

export const dynamic = 'force-dynamic';

/** The read API's OpenAPI document (no key needed). */
export function GET() {
  return Response.json(openApiDocument(publicUrl()));
}
