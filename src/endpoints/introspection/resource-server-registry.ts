import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ServerFiles } from '../../config/server-files';

const digest = (value: string): Buffer => hash('sha256', value, 'buffer');

function parse(text: string, file: string): Map<string, Buffer> {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new Error(`RESOURCE_SERVERS_FILE ${file}: not valid JSON`);
  }
  const list = (json as { resourceServers?: unknown }).resourceServers;
  if (!Array.isArray(list)) {
    throw new Error(`RESOURCE_SERVERS_FILE ${file}: resourceServers must be an array`);
  }
  return new Map(
    list.map((entry: unknown, index) => {
      const { id, secret } = (entry ?? {}) as { id?: unknown; secret?: unknown };
      if (typeof id !== 'string' || typeof secret !== 'string' || id === '' || secret === '') {
        throw new Error(
          `RESOURCE_SERVERS_FILE ${file}: resourceServers[${index}] needs string id and secret`,
        );
      }
      return [id, digest(secret)] as const;
    }),
  );
}

/**
 * Resource servers allowed to call the introspection endpoint (RFC 7662 §2.1: the endpoint MUST
 * require authorization). Loaded from `RESOURCE_SERVERS_FILE`; secrets are compared in constant time.
 */
@Injectable()
export class ResourceServerRegistry implements OnModuleInit {
  private secrets = new Map<string, Buffer>();
  private readonly unknown = digest('unknown resource server');

  constructor(private readonly files: ServerFiles) {}

  async onModuleInit(): Promise<void> {
    const file = this.files.resourceServersFile;
    const text = await readFile(file, 'utf8').catch(() => {
      throw new Error(`RESOURCE_SERVERS_FILE: cannot read ${file}`);
    });
    this.secrets = parse(text, file);
  }

  /** True when the id is registered and the secret matches. */
  verify(id: string, secret: string): boolean {
    const expected = this.secrets.get(id);
    const matches = timingSafeEqual(expected ?? this.unknown, digest(secret));
    return expected !== undefined && matches;
  }
}
