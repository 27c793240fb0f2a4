import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { cibaConfig } from '../../config/ciba.config';
import { PageBranding } from '../../interaction/page-branding';
import { PasswordLogin } from '../../interaction/password-login';
import { AuthenticationDevice } from './authentication-device';
import { BackchannelAuthenticationController } from './backchannel-authentication.controller';
import { BackchannelAuthenticationService } from './backchannel-authentication.service';
import { CibaDecisions } from './ciba-decisions';
import { OutboundDelivery } from '../../http/outbound-delivery';
import { CibaNotifier } from './ciba-notifier';
import { LoginHintTokens } from './login-hint-token';
import { CibaUserResolver } from './ciba-user-resolver';
import { DemoAuthenticationDevice } from './demo-authentication-device';
import { DemoDeviceController } from './demo-device.controller';
import { DemoDevicePage } from './demo-device-page';
import { PendingCibaRequests } from './pending-ciba-requests';

/**
 * OpenID Connect CIBA Core 1.0: the backchannel authentication endpoint, the
 * {@link AuthenticationDevice} port (the demo device by default), decisions and notifications.
 */
@Module({
  imports: [ConfigModule.forFeature(cibaConfig), HttpModule.register({ maxRedirects: 0 })],
  controllers: [BackchannelAuthenticationController, DemoDeviceController],
  providers: [
    BackchannelAuthenticationService,
    CibaUserResolver,
    LoginHintTokens,
    CibaDecisions,
    CibaNotifier,
    OutboundDelivery,
    PendingCibaRequests,
    { provide: AuthenticationDevice, useClass: DemoAuthenticationDevice },
    DemoDevicePage,
    PasswordLogin,
    PageBranding,
  ],
  exports: [CibaDecisions, PendingCibaRequests],
})
export class CibaModule {}
