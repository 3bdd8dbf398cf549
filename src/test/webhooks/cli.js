// The webhook clients nobody here wrote, driven by the kit's tests (see package.json). The body comes on stdin as
// raw bytes; the answer is one line on stdout. Exit 0 with the answer, 1 with the library's error message.
'use strict';
const crypto = require('crypto');
const { Webhook } = require('standardwebhooks');
const { EventWebhook } = require('@sendgrid/eventwebhook');

const [command, ...args] = process.argv.slice(2);
const body = require('fs').readFileSync(0);

const commands = {
  // standardwebhooks: the webhook-signature value for a delivery
  'standard-sign': ([secret, id, seconds]) => new Webhook(secret).sign(id, new Date(Number(seconds) * 1000), body),
  // standardwebhooks: verify against the library's own clock and window
  'standard-verify': ([secret, id, seconds, signature]) => {
    new Webhook(secret).verify(body, { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': signature });
    return 'verified';
  },
  // @sendgrid/eventwebhook: SendGrid's own verifier
  'sendgrid-verify': ([publicKey, signature, timestamp]) => {
    const webhook = new EventWebhook();
    return String(webhook.verifySignature(webhook.convertPublicKeyToECDSA(publicKey), body, signature, timestamp));
  },
  // Node's crypto: a fresh P-256 key signs timestamp + body as SendGrid does; answers the key and the signature
  'sendgrid-sign': ([timestamp]) => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signature = crypto.sign('sha256', Buffer.concat([Buffer.from(timestamp), body]), privateKey);
    return JSON.stringify({
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      signature: signature.toString('base64'),
    });
  },
};

try {
  process.stdout.write(commands[command](args) + '\n');
} catch (e) {
  process.stdout.write(e.message + '\n');
  process.exit(1);
}
