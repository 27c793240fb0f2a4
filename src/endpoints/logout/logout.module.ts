import { Module } from '@nestjs/common';
import { LogoutController } from './logout.controller';

/** Ends login sessions (design.md §3 `/api/logout`). */
@Module({ controllers: [LogoutController] })
export class LogoutModule {}
