/** Error kinds a service can raise; mapped to tRPC codes in the procedure builders. */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid';

/** A typed error thrown by services for conditions the user can act on. */
export class DomainError extends Error {
  constructor(readonly kind: DomainErrorKind, message: string) {
    super(message);
  }
}

export function domainErrorCode(e: DomainError): 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST' {
  switch (e.kind) {
    case 'not_found':
      return 'NOT_FOUND';
    case 'forbidden':
      return 'FORBIDDEN';
    case 'conflict':
      return 'CONFLICT';
    default:
      return 'BAD_REQUEST';
  }
}
