export { startSmtpTestServer, type ReceivedEmail, type SmtpTestServer } from './smtp-test-server.ts';
