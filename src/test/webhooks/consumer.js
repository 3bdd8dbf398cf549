// A webhook consumer nobody here wrote, for tests that point Flightdeck's outgoing webhooks at it: every delivery is
// checked by the standardwebhooks package, as a subscriber using it would. Usage: node consumer.js <whsec_...>...
// The first stdout line is {"port":<n>}; then one JSON line per delivery. Paths starting with /_ drive it from tests:
// POST /_answer (body "500", or "500 3" for the next 3 deliveries only), GET /_received, POST /_reset.
'use strict';
const http = require('http');
const { Webhook } = require('standardwebhooks');

// Built up front so that a malformed secret fails at start, not as a 400 on every delivery
const webhooks = process.argv.slice(2).map((secret) => new Webhook(secret));
if (webhooks.length === 0) {
  process.stderr.write('usage: node consumer.js <whsec_...> [<whsec_...> ...]\n');
  process.exit(2);
}

let entries = [];
let answer = 204; // for verified deliveries; a refused one always gets 400
let once = null; // { status, times }: a temporary answer from "POST /_answer 500 3", then back to `answer`

// Several secrets stand for a rotation: the delivery counts if any of them verifies it, as a subscriber would accept
function verify(body, headers) {
  const errors = [];
  for (const webhook of webhooks) {
    try {
      // The library's defaults (including parsing the body as JSON) so that we accept only what a subscriber would
      webhook.verify(body, headers);
      return null;
    } catch (e) {
      if (!errors.includes(e.message)) errors.push(e.message);
    }
  }
  return errors.join('; ');
}

function nextAnswer() {
  if (once === null) return answer;
  const status = once.status;
  if (--once.times === 0) once = null;
  return status;
}

function control(request, path, body, response) {
  if (request.method === 'POST' && path === '/_answer') {
    const [status, times] = body.toString('utf8').trim().split(/\s+/).map(Number);
    if (!(status >= 200 && status <= 599) || (times !== undefined && !(Number.isInteger(times) && times > 0))) {
      response.writeHead(400).end('expected "<status>" or "<status> <times>"');
      return;
    }
    if (times === undefined) {
      answer = status;
      once = null;
    } else {
      once = { status, times };
    }
    response.writeHead(204).end();
  } else if (request.method === 'GET' && path === '/_received') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(entries));
  } else if (request.method === 'POST' && path === '/_reset') {
    entries = [];
    response.writeHead(204).end();
  } else {
    response.writeHead(404).end();
  }
}

function deliver(request, path, body, response) {
  const error = verify(body, request.headers);
  const status = error === null ? nextAnswer() : 400;
  const entry = {
    id: request.headers['webhook-id'] ?? null,
    timestamp: request.headers['webhook-timestamp'] ?? null,
    signature: request.headers['webhook-signature'] ?? null,
    path,
    method: request.method,
    verified: error === null,
    error,
    status,
    body: body.toString('utf8'),
    receivedAt: Date.now(),
  };
  entries.push(entry);
  process.stdout.write(JSON.stringify(entry) + '\n');
  response.writeHead(status).end(error ?? undefined);
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    // The raw bytes: the signature covers them, not whatever a JSON round trip would make of them
    const body = Buffer.concat(chunks);
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    (path.startsWith('/_') ? control : deliver)(request, path, body, response);
  });
});

server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
// Keep-alive connections from the sender would hold close() open; the test is done with them anyway
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
