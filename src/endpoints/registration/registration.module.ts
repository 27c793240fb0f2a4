import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { registrationConfig } from '../../config/registration.config';
import { CallableUris } from './callable-uris';
import { RegistrationController } from './registration.controller';
import { RegistrationPolicy } from './registration-policy';
import { RegistrationService } from './registration.service';
import { SoftwareStatements } from './software-statement';

/** Dynamic client registration and management (RFC 7591, RFC 7592). */
@Module({
  imports: [ConfigModule.forFeature(registrationConfig)],
  controllers: [RegistrationController],
  providers: [RegistrationService, RegistrationPolicy, SoftwareStatements, CallableUris],
})
export class RegistrationModule {}
