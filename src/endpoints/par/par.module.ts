import { Module } from '@nestjs/common';
import { ParController } from './par.controller';

/** Pushed authorization request endpoint module (RFC 9126). */
@Module({ controllers: [ParController] })
export class ParModule {}
