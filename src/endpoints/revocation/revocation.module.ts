import { Module } from '@nestjs/common';
import { RevocationController } from './revocation.controller';
import { RevocationService } from './revocation.service';

/** Revocation endpoint module (RFC 7009). */
@Module({ controllers: [RevocationController], providers: [RevocationService] })
export class RevocationModule {}
