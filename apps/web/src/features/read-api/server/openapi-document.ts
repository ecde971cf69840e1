import { z } from 'zod';
import { ZApiError, ZSpendResponse } from '../lib/read-api-schemas';

const errorResponses = {
  '400': { description: 'A query parameter is wrong; the message says which', content: { 'application/json': { schema: z.toJSONSchema(ZApiError) } } },
  '401': { description: 'No key, or an unknown or revoked one' },
  '429': { description: 'Rate limit reached; see Retry-After' },
};
const range = (required: boolean) => [
  { name: 'from', in: 'query', required, schema: { type: 'string', format: 'date-time' } },
  { name: 'to', in: 'query', required, schema: { type: 'string', format: 'date-time' } },
];

/** The read API's OpenAPI 3.1 document, its response schemas generated from the same zod schemas the routes use. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'Tierlens read API', version: '1', description: 'Spend, findings and rules of the project a key belongs to. Authenticate with a project API key (read or write scope) as a Bearer token; each key may make 120 requests a minute (bursts of 30) per dashboard process.' },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A project API key (tl_…)' } } },
    paths: {
      '/api/v1/spend': {
        get: {
          summary: 'Spend and usage by time bucket and dimension, summed from the rollups',
          parameters: [
            ...range(true),
            { name: 'bucket', in: 'query', schema: { type: 'string', enum: ['hour', 'day', 'range'], default: 'day' } },
            { name: 'groupBy', in: 'query', description: 'Comma-separated: provider, model, queryType, feature, environment', schema: { type: 'string', default: 'model' } },
          ],
          responses: { '200': { description: 'Rows', content: { 'application/json': { schema: z.toJSONSchema(ZSpendResponse, { io: 'output' }) } } }, ...errorResponses },
        },
      },
      '/api/v1/findings': {
        get: { summary: 'Overpaying and underbidding findings over a range (default: the last 30 days)', parameters: range(false), responses: { '200': { description: 'The analyzer’s findings, as the Savings page shows them' }, ...errorResponses } },
      },
      '/api/v1/rules': {
        get: { summary: 'The project’s routing rules with the evidence each was made from', responses: { '200': { description: 'Rules, newest first' }, ...errorResponses } },
      },
    },
  };
}
