import { Module } from '@nestjs/common';
import { ParController } from './par.controller';
import { ParService } from './par.service';

/** Pushed authorization request endpoint module (RFC 9126). */
@Module({ controllers: [ParController], providers: [ParService] })
export class ParModule {}
