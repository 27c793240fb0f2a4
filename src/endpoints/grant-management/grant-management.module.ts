import { Module } from '@nestjs/common';
import { GrantManagementController } from './grant-management.controller';
import { GrantManagementService } from './grant-management.service';

/** Grant management endpoint (FAPI Grant Management for OAuth 2.0). */
@Module({ controllers: [GrantManagementController], providers: [GrantManagementService] })
export class GrantManagementModule {}
