import { Module } from '@nestjs/common';
import { GrantManagementController } from './grant-management.controller';

/** Grant management endpoint (FAPI Grant Management for OAuth 2.0). */
@Module({ controllers: [GrantManagementController] })
export class GrantManagementModule {}
