// The notification benchmark's SMTP sink: accepts every message (no auth, no TLS) through nodemailer's smtp-server,
// keeps none, and counts them by Message-ID, so a message handed over twice shows as a duplicate. Every second, and on
// SIGTERM, it writes one JSON line to the file named: {"received":n,"distinct":n,"first":ms,"last":ms}.
//
//   node sink.js <port> <status file>
const { SMTPServer } = require('smtp-server');
const fs = require('fs');

const port = Number(process.argv[2]);
const statusFile = process.argv[3];
const ids = new Set();
let received = 0;
let first = null;
let last = null;

function write() {
  fs.writeFileSync(statusFile, JSON.stringify({ received, distinct: ids.size, first, last }) + '\n');
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  disableReverseLookup: true, // a DNS look-up of 127.0.0.1 per connection cost 100 ms here
  maxClients: 200,
  onData(stream, session, callback) {
    let head = '';
    let inHead = true;
    stream.on('data', (chunk) => {
      if (inHead) {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) {
          head = head.slice(0, end);
          inHead = false;
        }
      }
    });
    stream.on('end', () => {
      const id = /^message-id:\s*(\S+)/im.exec(head);
      received += 1;
      ids.add(id ? id[1] : 'none-' + received);
      last = Date.now();
      if (first === null) first = last;
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`smtp sink on 127.0.0.1:${port}`));
setInterval(write, 1000);
process.on('SIGTERM', () => {
  write();
  process.exit(0);
});
