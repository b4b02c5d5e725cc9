// An SMTP sink in its own process for the send bench (so its CPU is not the sender's): accepts
// everything, counts messages, prints its port, and reports the count on SIGUSR2... or stdin "count".
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, cb) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count++;
      cb();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const a = server.server.address();
  process.stdout.write(`port ${typeof a === 'object' && a ? a.port : 0}\n`);
});
process.stdin.on('data', (d: Buffer) => {
  if (d.toString().includes('count')) process.stdout.write(`count ${count}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
