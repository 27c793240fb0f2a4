import { registerAs } from '@nestjs/config';
import { readBool, readString } from './env-readers';

/**
 * Calls this server makes to URLs that clients registered (`backchannel_logout_uri`, OpenID
 * Connect Back-Channel Logout 1.0 §2.2; also checked at registration with `jwks_uri`,
 * `sector_identifier_uri` and `request_uris`), guarded against SSRF. `httpsRequired` defaults to
 * on with `NODE_ENV=production`. `privateHosts` lists the hosts (names or IP literals) that may be
 * loopback, private or link-local: `loopback` (the default outside production) admits
 * 127.0.0.0/8, `::1` and `localhost`; `*` admits every address; `none` (the default in
 * production) none.
 */
export const outboundConfig = registerAs('outbound', () => {
  const production = readString('NODE_ENV') === 'production';
  const hosts = (readString('OUTBOUND_PRIVATE_HOSTS_ALLOWED') ?? (production ? 'none' : 'loopback'))
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value.length > 0 && value !== 'none');
  return {
    httpsRequired: readBool('OUTBOUND_HTTPS_REQUIRED', production),
    privateHosts: hosts,
  };
});

/** Resolved type of {@link outboundConfig}. */
export type OutboundConfig = ReturnType<typeof outboundConfig>;
