import { Module } from '@nestjs/common';
import { RevocationController } from './revocation.controller';

/** Revocation endpoint module (RFC 7009). */
@Module({ controllers: [RevocationController] })
export class RevocationModule {}
