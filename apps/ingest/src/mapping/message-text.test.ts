import { describe, expect, it } from 'vitest';
import { CONTENT_PARSE_MAX_CHARS } from './limits.ts';
import { addMessages, addSystem, completionText, composePromptText, newPromptParts, parseContent } from './message-text.ts';

function prompt(...payloads: [unknown, unknown?][]): string | null {
  const parts = newPromptParts();
  for (const [messages, system] of payloads) {
    addSystem(parts, system);
    addMessages(parts, messages);
  }
  return composePromptText(parts);
}

describe('prompt text', () => {
  it('reads OTel GenAI messages and system instructions', () => {
    const system = [{ type: 'text', content: 'You are a SQL expert.' }];
    const messages = [
      { role: 'user', parts: [{ type: 'text', content: 'first question' }] },
      { role: 'assistant', parts: [{ type: 'text', content: 'answer' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Write a query' }, { type: 'uri', uri: 'x' }] },
    ];
    expect(prompt([messages, system])).toBe('You are a SQL expert.\n\nWrite a query');
  });

  it('reads OpenAI chat messages with a system message and multimodal content', () => {
    const body = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: [{ type: 'text', text: 'What is in this image?' }, { type: 'image_url', image_url: { url: 'x' } }] },
      ],
      tools: [],
    };
    expect(prompt([body])).toBe('Be terse.\n\nWhat is in this image?');
  });

  it('reads an Anthropic body and skips a user turn that only returns tool results', () => {
    const body = {
      system: [{ type: 'text', text: 'You are a coding agent.' }],
      messages: [
        { role: 'user', content: 'Fix the failing test' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'run', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'FAIL' }] },
      ],
    };
    expect(prompt([body])).toBe('You are a coding agent.\n\nFix the failing test');
  });

  it('reads Gemini contents, OpenAI Responses input and Vercel ai.prompt', () => {
    expect(prompt([{ systemInstruction: { parts: [{ text: 'sys' }] }, contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }])).toBe('sys\n\nhi');
    expect(prompt([{ instructions: 'Answer in French.', input: 'Hello' }])).toBe('Answer in French.\n\nHello');
    expect(prompt([{ system: 'Summarize.', prompt: 'Long text...' }])).toBe('Summarize.\n\nLong text...');
    expect(prompt(['just a string'])).toBe('just a string');
  });

  it('caps the prompt, keeping at least half of it for the user message', () => {
    const parts = newPromptParts();
    parts.system.push('s'.repeat(10_000));
    parts.lastUser = 'u'.repeat(10_000);
    const text = composePromptText(parts)!;
    expect(text).toHaveLength(4000);
    expect(text.endsWith('u'.repeat(2000))).toBe(true);
    expect(text.startsWith('s'.repeat(1998))).toBe(true);
  });

  it('parses JSON content attributes but not oversized ones', () => {
    expect(parseContent('[{"role":"user","content":"x"}]')).toEqual([{ role: 'user', content: 'x' }]);
    expect(parseContent('"quoted"')).toBe('quoted');
    expect(parseContent('plain text')).toBe('plain text');
    expect(parseContent('[not json')).toBe('[not json');
    expect(parseContent('[' + ' '.repeat(CONTENT_PARSE_MAX_CHARS) + ']')).toBeUndefined();
  });
});

describe('completionText', () => {
  it('reads output messages, response bodies and strings', () => {
    expect(completionText([{ role: 'assistant', parts: [{ type: 'text', content: 'Paris' }], finish_reason: 'stop' }])).toBe('Paris');
    expect(completionText({ choices: [{ message: { role: 'assistant', content: 'Hi' } }] })).toBe('Hi');
    expect(completionText({ content: [{ type: 'text', text: 'Claude says' }] })).toBe('Claude says');
    expect(completionText({ output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'resp' }] }] })).toBe('resp');
    expect(completionText({ candidates: [{ content: { parts: [{ text: 'gem' }] } }] })).toBe('gem');
    expect(completionText('plain')).toBe('plain');
    expect(completionText([])).toBeNull();
  });
});
