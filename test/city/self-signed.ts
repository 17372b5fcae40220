// A certificate for the city on 127.0.0.1, made by openssl for one test run: centres check
// it against QMS_CITY_CA as they would a city's own certificate authority.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'city-cert.pem');
  const key = join(dir, 'city-key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], {
    stdio: 'ignore',
  });
  return { cert, key };
}
