import { Module } from '@nestjs/common';
import { PageBranding } from '../../interaction/page-branding';
import { PasswordLogin } from '../../interaction/password-login';
import { DeviceAuthorizationController } from './device-authorization.controller';
import { DeviceAuthorizationService } from './device-authorization.service';
import { DeviceInteractions } from './device-interactions';
import { DeviceVerificationController } from './device-verification.controller';
import { DeviceVerificationFlow } from './device-verification-flow';
import { DeviceVerificationService } from './device-verification.service';
import { UserCodeGuard } from './user-code-guard';

/** The device authorization grant (RFC 8628): its endpoint and the verification page. */
@Module({
  controllers: [DeviceAuthorizationController, DeviceVerificationController],
  providers: [
    DeviceAuthorizationService,
    DeviceVerificationService,
    DeviceVerificationFlow,
    DeviceInteractions,
    UserCodeGuard,
    PasswordLogin,
    PageBranding,
  ],
})
export class DeviceModule {}
