import { Module } from '@nestjs/common';
import { TokenController } from './token.controller';
import { TokenService } from './token.service';

/** Token endpoint module (RFC 6749 §3.2). */
@Module({ controllers: [TokenController], providers: [TokenService] })
export class TokenModule {}
