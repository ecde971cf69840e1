import { Body, Button, Container, Head, Html, Link, Preview, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';
import { createElement, type CSSProperties } from 'react';

/** What an invitation email says: who invites whom, to which organization, with which role, until when. */
export interface InvitationEmailInput {
  organizationName: string;
  inviter: { name: string; email: string };
  role: string;
  link: string;
  expiresAt: Date;
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const s = {
  body: { backgroundColor: '#f4f5f8', margin: 0, padding: '24px 0', fontFamily: FONT, color: '#14171f' },
  container: { maxWidth: '560px', width: '100%', margin: '0 auto', backgroundColor: '#ffffff', border: '1px solid #e3e6ec', borderRadius: '10px', padding: '8px 28px 20px' },
  title: { fontSize: '20px', lineHeight: '28px', fontWeight: 700, margin: '16px 0 8px' },
  p: { fontSize: '14px', lineHeight: '21px', margin: '0 0 12px' },
  small: { fontSize: '12px', lineHeight: '18px', color: '#5b6475', margin: '12px 0 0', wordBreak: 'break-all' },
  button: { backgroundColor: '#2f5bea', color: '#ffffff', fontSize: '14px', fontWeight: 600, borderRadius: '8px', padding: '10px 16px', textDecoration: 'none' },
} satisfies Record<string, CSSProperties>;

function expiry(date: Date): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

function InvitationEmail(props: InvitationEmailInput) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${props.inviter.name} invited you to ${props.organizationName} on Tierlens`}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Text style={s.title}>Join {props.organizationName} on Tierlens</Text>
          <Text style={s.p}>
            {props.inviter.name} ({props.inviter.email}) invited you to the organization <strong>{props.organizationName}</strong> as{' '}
            <strong>{props.role}</strong>. Tierlens shows where the team’s LLM spend goes by query type, and what to route elsewhere.
          </Text>
          <Section style={{ margin: '16px 0' }}>
            <Button href={props.link} style={s.button}>Accept the invitation</Button>
          </Section>
          <Text style={s.small}>
            The link works once, until {expiry(props.expiresAt)}. If you did not expect this email, ignore it. Or open:{' '}
            <Link href={props.link}>{props.link}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The invitation as an email: subject, HTML (React Email) and a plain-text part with the same facts and link. */
export async function renderInvitationEmail(input: InvitationEmailInput): Promise<{ subject: string; html: string; text: string }> {
  const html = await render(createElement(InvitationEmail, input));
  const text = [
    `${input.inviter.name} (${input.inviter.email}) invited you to the organization ${input.organizationName} on Tierlens as ${input.role}.`,
    '',
    `Accept the invitation: ${input.link}`,
    '',
    `The link works once, until ${expiry(input.expiresAt)}. If you did not expect this email, ignore it.`,
  ].join('\n');
  return { subject: `${input.inviter.name} invited you to ${input.organizationName} on Tierlens`, html, text };
}
