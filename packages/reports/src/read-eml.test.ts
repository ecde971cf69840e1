import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { decodeWords, readEml } from './read-eml.ts';

describe('readEml', () => {
  it('reads what nodemailer writes as mailparser does', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const html = `<html><body><p>Spend: $1,234.56 — ${'long line '.repeat(40)}</p><p>naïve ✓</p></body></html>`;
    const text = `Spend: $1,234.56\n${'x'.repeat(200)}\nnaïve ✓\n`;
    const info = await transport.sendMail({ from: 'a@example.test', to: 'Zoë <b@example.test>', subject: 'Checkout: $1.00 spent (−3.0%) · Nov 16 – 22', html, text });
    const source = (info.message as Buffer).toString('utf8');
    const mine = readEml(source);
    const theirs = await simpleParser(source);
    expect(mine.subject).toBe(theirs.subject);
    expect(mine.html).toBe(theirs.html);
    expect(mine.text).toBe(theirs.text);
    expect(mine.to).toContain('b@example.test');
  });

  it('decodes encoded words', () => {
    expect(decodeWords('=?UTF-8?Q?Na=C3=AFve_test?= =?UTF-8?B?4pyT?=')).toBe('Naïve test✓');
  });
});
