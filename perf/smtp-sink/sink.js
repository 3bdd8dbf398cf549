// The benchmarks' SMTP sink (perf/notify-bench.sh, perf/email-bench.sh): accepts every message (no auth, no TLS)
// through nodemailer's smtp-server, keeps none, and counts them by Message-ID, and by recipient and Message-ID, so a
// message handed over twice shows as a duplicate. Every second, and on SIGTERM, it writes one JSON line to the file
// named: {"received":n,"distinct":n,"pairs":n,"recipients":n,"bytes":n,"cutShort":n,"resets":n,"connections":n,
// "maxConnections":n,"first":ms,"last":ms, ...}; on SIGTERM also the longest pause between two messages (longestGap,
// gapFrom, gapTo, in ms) and the steady rate: the messages between the moments the
// first 10 % and the first 90 % had arrived, divided by the time between them (t10, t90, steadyRate), so that the
// ramp at the start (JIT, first connections) and the tail at the end count for neither of the two loops measured.
//
//   node sink.js <port> <status file> [domain] [sample file]
//
// On SIGTERM it also writes the recipients it counted, one a line, to <status file>.recipients.
//
// With a domain, only messages to addresses at it are counted (a test send to another address is not one of the
// campaign's); the others are counted as "other". With a sample file, the first counted message is written to it as
// received (perf/email-bench.sh's bare Jakarta Mail loop sends the same content).
const { SMTPServer } = require('smtp-server');
const fs = require('fs');

const port = Number(process.argv[2]);
const statusFile = process.argv[3];
const domain = process.argv[4] ? '@' + process.argv[4].toLowerCase() : null;
const sampleFile = process.argv[5] || null;
const ids = new Set();
const pairs = new Set();
const recipients = new Set();
const arrivals = [];
let received = 0;
let other = 0;
let bytes = 0;
let cutShort = 0;
let connections = 0;
let open = 0;
let maxConnections = 0;
let first = null;
let last = null;
let sampled = false;

function steady() {
  if (arrivals.length < 10) return {};
  const t10 = arrivals[Math.floor(arrivals.length * 0.1)];
  const t90 = arrivals[Math.floor(arrivals.length * 0.9) - 1];
  const n = Math.floor(arrivals.length * 0.9) - Math.floor(arrivals.length * 0.1);
  return { t10, t90, steadyRate: t90 > t10 ? Math.round((n * 1000 * 10) / (t90 - t10)) / 10 : null };
}

// the longest time without a message between the first and the last: where a crash run was killed, how long mail
// stopped (gapFrom is the last message before it, gapTo the first after, both ms since the epoch)
function longestGap() {
  let gap = 0;
  let at = 0;
  for (let i = 1; i < arrivals.length; i += 1) {
    if (arrivals[i] - arrivals[i - 1] > gap) {
      gap = arrivals[i] - arrivals[i - 1];
      at = i;
    }
  }
  return at === 0 ? {} : { longestGap: gap, gapFrom: arrivals[at - 1], gapTo: arrivals[at] };
}

function write(final) {
  const status = { received, distinct: ids.size, pairs: pairs.size, recipients: recipients.size, other, bytes,
    cutShort, resets, connections, maxConnections, first, last };
  fs.writeFileSync(statusFile, JSON.stringify(final ? Object.assign(status, steady(), longestGap()) : status) + '\n');
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  disableReverseLookup: true, // a DNS look-up of 127.0.0.1 per connection cost 100 ms here
  maxClients: 200,
  onConnect(session, callback) {
    connections += 1;
    open += 1;
    maxConnections = Math.max(maxConnections, open);
    callback();
  },
  onClose() {
    open -= 1;
  },
  onData(stream, session, callback) {
    let head = '';
    let inHead = true;
    let size = 0;
    const keep = sampleFile && !sampled ? [] : null;
    stream.on('data', (chunk) => {
      size += chunk.length;
      if (keep) keep.push(chunk);
      if (inHead) {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) {
          head = head.slice(0, end);
          inHead = false;
        }
      }
    });
    // the client went away before the line that ends the message: the server keeps nothing of it (RFC 5321)
    stream.on('error', () => {
      cutShort += 1;
    });
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
      if (domain && !to.endsWith(domain)) {
        other += 1;
        callback();
        return;
      }
      const id = /^message-id:\s*(\S+)/im.exec(head);
      const key = id ? id[1] : 'none-' + received;
      received += 1;
      bytes += size;
      ids.add(key);
      pairs.add(to + ' ' + key);
      recipients.add(to);
      last = Date.now();
      arrivals.push(last);
      if (first === null) first = last;
      if (keep && !sampled) {
        sampled = true;
        fs.writeFileSync(sampleFile, Buffer.concat(keep));
      }
      callback();
    });
  },
});
// a client killed mid-conversation (perf/email-bench.sh's SIGKILL) resets its connection: the server reports it
// here, and without a listener Node would end the process
let resets = 0;
server.on('error', () => {
  resets += 1;
});
server.listen(port, '127.0.0.1', () => console.log(`smtp sink on 127.0.0.1:${port}`));
setInterval(() => write(false), 1000);
process.on('SIGTERM', () => {
  write(true);
  // who got a message, one a line, so a run can name those who did not
  fs.writeFileSync(statusFile + '.recipients', [...recipients].join('\n') + '\n');
  process.exit(0);
});
