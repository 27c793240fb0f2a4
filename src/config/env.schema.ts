import { Transform } from 'class-transformer';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsJSON,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsTrustProxySetting } from './trust-proxy.validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * The one schema for `process.env` (design.md §4). Names follow authlete-java-common's
 * `AuthleteEnvConfiguration`. Validated once at boot by {@link validateEnvironment}.
 */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;

  /** Base URL of the Authlete API, e.g. `https://us.authlete.com`. Unset → embedded engine. */
  @IsOptional() @IsUrl(url) AUTHLETE_BASE_URL?: string;
  @IsOptional() @IsIn(['V2', 'V3']) AUTHLETE_API_VERSION?: string;
  @ValidateIf((env: EnvironmentVariables) => env.AUTHLETE_BASE_URL !== undefined)
  @IsString()
  @MinLength(1)
  AUTHLETE_SERVICE_APIKEY?: string;
  @ValidateIf(
    (env: EnvironmentVariables) =>
      env.AUTHLETE_BASE_URL !== undefined && (env.AUTHLETE_API_VERSION ?? 'V3') === 'V3',
  )
  @IsString()
  @MinLength(1)
  AUTHLETE_SERVICE_ACCESSTOKEN?: string;
  @ValidateIf(
    (env: EnvironmentVariables) =>
      env.AUTHLETE_BASE_URL !== undefined && env.AUTHLETE_API_VERSION === 'V2',
  )
  @IsString()
  @MinLength(1)
  AUTHLETE_SERVICE_APISECRET?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(120000) AUTHLETE_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(4096) AUTHLETE_MAX_SOCKETS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  /** Public identity of this server; also the base of every public endpoint URL. */
  @IsOptional() @IsUrl(url) ISSUER?: string;
  @ValidateIf(
    (env: EnvironmentVariables) =>
      env.NODE_ENV === 'production' || env.SESSION_SECRET !== undefined,
  )
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] }) REDIS_URL?: string;
  /** Login-session lifetime in seconds (default 8 hours). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(2592000) SESSION_TTL_SECONDS?: number;
  /** Lifetime of one login/consent page (interaction) in seconds (default 10 minutes). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  SESSION_INTERACTION_TTL_SECONDS?: number;
  /** Prefix of every Redis key the session stores write (default `oauth:`). */
  @IsOptional() @IsString() @MaxLength(100) SESSION_KEY_PREFIX?: string;
  /**
   * Brute-force limits: free failures per username (then a wait up to LOGIN_USER_MAX_DELAY_SECONDS
   * at addresses the user never signed in from) and failures per client IP in one window; per
   * (username, IP) free failures, the longest wait, and when failure counts reset.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000) LOGIN_RATE_MAX_PER_USER?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000) LOGIN_RATE_MAX_PER_IP?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400) LOGIN_RATE_WINDOW_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1000) LOGIN_PAIR_FREE_FAILURES?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_PAIR_MAX_DELAY_SECONDS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(2592000)
  LOGIN_FAILURE_RESET_SECONDS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_USER_MAX_DELAY_SECONDS?: number;
  /** Secret salt of pairwise subject identifiers (OIDC Core §8.1); keep it stable. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  PAIRWISE_SALT?: string;
  @IsOptional() @IsString() USERS_FILE?: string;
  @IsOptional() @IsBooleanString() USERS_ALLOW_DEMO?: string;
  @IsOptional() @IsString() ENGINE_CONFIG?: string;
  /** Lets the embedded engine (demo secrets) run with `NODE_ENV=production`. */
  @IsOptional() @IsBooleanString() ENGINE_ALLOW_PRODUCTION?: string;
  /** The environment file `main.ts` loads before validation (default `.env`). */
  @IsOptional() @IsString() ENV_FILE?: string;
  @IsOptional() @IsString() ENGINE_DATA_DIR?: string;
  @IsOptional() @IsString() RESOURCE_SERVERS_FILE?: string;
  /** Folder of the configuration files not named otherwise (default: the shipped `config/`). */
  @IsOptional() @IsString() CONFIG_DIR?: string;
  /** Path every endpoint is mounted under, e.g. `oauth` (ISSUER must end with it). */
  @IsOptional() @IsString() @MaxLength(200) ROUTE_PREFIX?: string;
  /** Issuers whose JWTs are accepted for JWT bearer and token exchange (docs/trusted-issuers.md). */
  @IsOptional() @IsString() TRUSTED_ISSUERS_FILE?: string;
  /** Bearer token of `POST /api/vci/offers` (docs/vci.md); unset: open in development only. */
  @IsOptional() @IsString() @MinLength(16) @MaxLength(500) VCI_OFFER_ADMIN_TOKEN?: string;
  /** Credential configurations the default issuance policy defers (comma-separated ids). */
  @IsOptional() @IsString() @MaxLength(2000) VCI_DEFERRED_CONFIGURATIONS?: string;
  /** Seconds the credential endpoint reuses `/vci/metadata` (default 60; 0: every credential). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400) VCI_METADATA_CACHE_SECONDS?: number;
  /** `true`, `false`, or a comma-separated list of addresses/CIDRs (`loopback` allowed). */
  @IsOptional() @IsString() @MaxLength(2000) @IsTrustProxySetting() TRUST_PROXY?: string;
  @IsOptional() @IsString() CLIENT_CERT_HEADERS?: string;
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(10485760) BODY_LIMIT_BYTES?: number;

  // Operations (ops.config.ts): rate limits, Authlete resilience, health, shutdown, tracing.
  @IsOptional() @IsBooleanString() THROTTLE_ENABLED?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(86400000) THROTTLE_TTL_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000000) THROTTLE_LIMIT_PER_IP?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000000) THROTTLE_LIMIT_PER_CLIENT?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  THROTTLE_CLIENT_FAILURES_PER_IP?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  THROTTLE_LOGIN_LIMIT_PER_IP?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10) AUTHLETE_RETRY_MAX_ATTEMPTS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  AUTHLETE_RETRY_BASE_DELAY_MS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120000)
  AUTHLETE_RETRY_MAX_DELAY_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000) AUTHLETE_DEADLINE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) BREAKER_FAILURE_RATE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000000) BREAKER_MIN_CALLS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3600000) BREAKER_WINDOW_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3600000) BREAKER_OPEN_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) BREAKER_HALF_OPEN_CALLS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600000) HEALTH_AUTHLETE_CACHE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(60000) HEALTH_PROBE_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600000) SHUTDOWN_DELAY_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000) SHUTDOWN_TIMEOUT_MS?: number;
  @IsOptional() @IsUrl(url) OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  // Back-channel logout delivery (logout.config.ts).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30000)
  LOGOUT_BACKCHANNEL_DEADLINE_MS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  LOGOUT_BACKCHANNEL_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(5) LOGOUT_BACKCHANNEL_ATTEMPTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3600000) LOGOUT_EXPIRY_SWEEP_MS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  CIBA_NOTIFICATION_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(5) CIBA_NOTIFICATION_ATTEMPTS?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  CIBA_NOTIFICATION_BACKOFF_MS?: number;

  // SSRF guard of URLs clients register (outbound.config.ts).
  @IsOptional() @IsBooleanString() OUTBOUND_HTTPS_REQUIRED?: string;
  @IsOptional() @IsString() @MaxLength(4000) OUTBOUND_PRIVATE_HOSTS_ALLOWED?: string;

  // Dynamic client registration (registration.config.ts; RFC 7591 §3).
  @IsOptional() @IsBooleanString() REGISTRATION_OPEN?: string;
  @IsOptional() @IsString() @MaxLength(4000) REGISTRATION_INITIAL_ACCESS_TOKENS?: string;
  @IsOptional() @IsString() @MaxLength(2000) REGISTRATION_SOFTWARE_STATEMENT_ISSUER?: string;
  @ValidateIf(
    (env: EnvironmentVariables) => env.REGISTRATION_SOFTWARE_STATEMENT_ISSUER !== undefined,
  )
  @IsString()
  @MinLength(1, { message: 'is required when REGISTRATION_SOFTWARE_STATEMENT_ISSUER is set' })
  REGISTRATION_SOFTWARE_STATEMENT_JWKS_FILE?: string;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  THROTTLE_REGISTER_LIMIT_PER_IP?: number;
  @IsOptional() @IsString() @MaxLength(200) OTEL_SERVICE_NAME?: string;

  // User stores (user-store.config.ts): which one `npm start` uses, and its settings.
  @IsOptional() @IsIn(['file', 'postgres', 'ldap']) USER_STORE?: string;
  @ValidateIf((env: EnvironmentVariables) => env.USER_STORE === 'postgres')
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] })
  USERS_DATABASE_URL?: string;
  @IsOptional() @Matches(/^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$/) USERS_TABLE?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) USERS_DATABASE_POOL_MAX?: number;
  @IsOptional() @IsBooleanString() USERS_DATABASE_MIGRATE?: string;
  @IsOptional() @IsIn(['argon2id', 'scrypt']) PASSWORD_HASH?: string;
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(8192)
  @Max(4194304)
  PASSWORD_ARGON2_MEMORY_KIB?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) PASSWORD_ARGON2_TIME_COST?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64) PASSWORD_ARGON2_PARALLELISM?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(1048576) PASSWORD_SCRYPT_N?: number;
  @ValidateIf((env: EnvironmentVariables) => env.USER_STORE === 'ldap')
  @IsUrl({ require_tld: false, protocols: ['ldap', 'ldaps'] })
  LDAP_URL?: string;
  @ValidateIf((env: EnvironmentVariables) => env.USER_STORE === 'ldap')
  @IsString()
  LDAP_BIND_DN?: string;
  @ValidateIf((env: EnvironmentVariables) => env.USER_STORE === 'ldap')
  @IsString()
  LDAP_BIND_PASSWORD?: string;
  @ValidateIf((env: EnvironmentVariables) => env.USER_STORE === 'ldap')
  @IsString()
  LDAP_SEARCH_BASE?: string;
  @IsOptional() @Matches(/\{username\}/) LDAP_USER_FILTER?: string;
  @IsOptional() @IsString() LDAP_SUBJECT_ATTRIBUTE?: string;
  @IsOptional() @IsString() LDAP_USERNAME_ATTRIBUTE?: string;
  @IsOptional() @IsString() LDAP_DISABLED_FILTER?: string;
  @IsOptional() @IsJSON() LDAP_CLAIMS?: string;
  @IsOptional() @IsBooleanString() LDAP_STARTTLS?: string;
  @IsOptional() @IsString() LDAP_TLS_CA_FILE?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(120000) LDAP_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(120000) LDAP_CONNECT_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) LDAP_POOL_SIZE?: number;
}
