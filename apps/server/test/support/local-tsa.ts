import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An RFC 3161 Time Stamping Authority on 127.0.0.1 backed by Debian's `openssl ts -reply`: tests never use the internet. */
export interface LocalTsa {
  /** http://127.0.0.1:<port>/tsa */
  readonly url: string;
  /** The test root CA (PEM) that issued the TSA certificate. */
  readonly caPem: string;
  readonly caFile: string;
  /** Temp dir holding the keys, certificates and tsa.cnf. */
  readonly dir: string;
  /** Requests received so far. */
  requests: number;
  /** `down`: answer 503 (a TSA outage); `reject`: a TimeStampResp refusing SHA-256 (badAlg); `ok`: sign every query. */
  mode: 'ok' | 'down' | 'reject';
  close(): Promise<void>;
}

const CERT_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = mimamoru test root CA
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_tsa]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function tsaConfig(dir: string, digests = 'sha256'): string {
  return `[tsa]
default_tsa = tsa_config
[tsa_config]
dir = ${dir}
serial = ${dir}/tsaserial
crypto_device = builtin
signer_cert = ${dir}/tsa.pem
certs = ${dir}/ca.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
other_policies = 1.3.6.1.4.1.99999.2
digests = ${digests}
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
}

/** Creates a root CA and a TSA certificate (critical extendedKeyUsage timeStamping) with openssl, then serves `openssl ts -reply`. */
export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-tsa-'));
  const file = (name: string) => path.join(dir, name);
  fs.writeFileSync(file('certs.cnf'), CERT_CONFIG);
  fs.writeFileSync(file('tsa.cnf'), tsaConfig(dir));
  fs.writeFileSync(file('tsa-reject.cnf'), tsaConfig(dir, 'sha512'));
  fs.writeFileSync(file('tsaserial'), '01\n');
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await openssl([
    'req',
    '-x509',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-config',
    'certs.cnf',
    '-extensions',
    'v3_ca',
  ]);
  await openssl([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'tsa.key',
    '-out',
    'tsa.csr',
    '-subj',
    '/CN=mimamoru test TSA/O=mimamoru tests',
  ]);
  await openssl([
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tsa.pem',
    '-days',
    '30',
    '-extfile',
    'certs.cnf',
    '-extensions',
    'v3_tsa',
  ]);

  let counter = 0;
  const server = http.createServer((request, response) => {
    tsa.requests += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (
        tsa.mode === 'down' ||
        request.method !== 'POST' ||
        request.headers['content-type'] !== 'application/timestamp-query'
      ) {
        response.writeHead(tsa.mode === 'down' ? 503 : 400).end();
        return;
      }
      counter += 1;
      const query = file(`q${counter}.tsq`);
      const reply = file(`r${counter}.tsr`);
      fs.writeFileSync(query, Buffer.concat(chunks));
      openssl([
        'ts',
        '-reply',
        '-config',
        file(tsa.mode === 'reject' ? 'tsa-reject.cnf' : 'tsa.cnf'),
        '-queryfile',
        query,
        '-out',
        reply,
      ]).then(
        () =>
          response
            .writeHead(200, { 'content-type': 'application/timestamp-reply' })
            .end(fs.readFileSync(reply)),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tsa: LocalTsa = {
    url: `http://127.0.0.1:${port}/tsa`,
    caPem: fs.readFileSync(file('ca.pem'), 'utf8'),
    caFile: file('ca.pem'),
    dir,
    requests: 0,
    mode: 'ok',
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return tsa;
}
