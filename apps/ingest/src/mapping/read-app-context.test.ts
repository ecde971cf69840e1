import { describe, expect, it } from 'vitest';
import { readAppContext } from './read-app-context.ts';
import { makeSpan } from './test-support/make-span.ts';

describe('readAppContext', () => {
  it('reads an explicit query type hint and the Tierlens attributes', () => {
    const context = readAppContext(
      makeSpan({
        attributes: {
          'tierlens.query_type.hint': 'coding',
          'tierlens.feature': 'pr-review',
          'tierlens.environment': 'staging',
          'tierlens.end_user.id': 'acct-42',
          'tierlens.tag.team': 'platform',
          'tierlens.tag.tier': 3,
          'user.id': 'ignored-because-tierlens-wins',
        },
        resource: { 'deployment.environment.name': 'prod', 'tierlens.tag.region': 'eu', 'tierlens.tag.team': 'resource-loses' },
      }),
    );
    expect(context).toEqual({
      queryTypeHint: { queryType: 'coding', source: 'hint', confidence: 1 },
      feature: 'pr-review',
      environment: 'staging',
      endUserId: 'acct-42',
      tags: { region: 'eu', team: 'platform', tier: '3' },
    });
  });

  it('reads a type classified in the SDK with its confidence', () => {
    const context = readAppContext(
      makeSpan({
        attributes: { 'tierlens.query_type': 'expert_qa', 'tierlens.query_type.source': 'sdk-classifier', 'tierlens.query_type.confidence': 0.72 },
      }),
    );
    expect(context.queryTypeHint).toEqual({ queryType: 'expert_qa', source: 'sdk-classifier', confidence: 0.72 });
  });

  it('prefers the hint over the classified type, and ignores unknown types', () => {
    expect(
      readAppContext(makeSpan({ attributes: { 'tierlens.query_type.hint': 'math', 'tierlens.query_type': 'coding', 'tierlens.query_type.source': 'sdk-classifier' } }))
        .queryTypeHint,
    ).toEqual({ queryType: 'math', source: 'hint', confidence: 1 });
    expect(readAppContext(makeSpan({ attributes: { 'tierlens.query_type.hint': 'poetry slam' } })).queryTypeHint).toBeNull();
    expect(readAppContext(makeSpan({ attributes: { 'tierlens.query_type.hint': 'Creative Writing' } })).queryTypeHint?.queryType).toBe('creative_writing');
  });

  it('falls back to standard attributes: deployment.environment.name, enduser.id, user.id', () => {
    expect(readAppContext(makeSpan({ attributes: { 'enduser.id': 'e-1' }, resource: { 'deployment.environment.name': 'prod' } }))).toMatchObject({
      environment: 'prod',
      endUserId: 'e-1',
      feature: null,
      queryTypeHint: null,
      tags: {},
    });
    expect(readAppContext(makeSpan({ attributes: { 'user.id': 'u-1' }, resource: { 'deployment.environment': 'dev' } }))).toMatchObject({
      environment: 'dev',
      endUserId: 'u-1',
    });
  });
});
