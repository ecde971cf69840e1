import { describe, expect, it } from 'vitest';
import { serializeMessages } from './capture-content.js';

describe('serializeMessages', () => {
  it('redacts text, tool arguments and tool results, structured ones as JSON text', () => {
    const json = serializeMessages(
      [
        { role: 'user', parts: [{ type: 'text', content: 'mail bob@example.com' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: '1', name: 'send', arguments: { to: 'bob@example.com' } }] },
        { role: 'tool', parts: [{ type: 'tool_call_response', id: '1', response: 'sent to bob@example.com' }] },
      ],
      (s) => s.replace(/[\w.]+@[\w.]+/g, '[email]'),
    );
    expect(json).not.toContain('bob@');
    expect(JSON.parse(json)[1].parts[0]).toEqual({ type: 'tool_call', id: '1', name: 'send', arguments: '{"to":"[email]"}' });
  });
});
