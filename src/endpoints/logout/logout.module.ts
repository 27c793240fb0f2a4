import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { logoutConfig } from '../../config/logout.config';
import { OutboundDelivery } from '../../http/outbound-delivery';
import { BackchannelNotifier } from './backchannel-notifier';
import { IdTokenHintVerifier } from './id-token-hint';
import { LogoutController } from './logout.controller';
import { LogoutFlow } from './logout-flow';
import { NativeSsoLogout } from './native-sso-logout';
import { PostLogoutRedirects } from './post-logout-redirects';
import { SessionExpiryNotifier } from './session-expiry-notifier';
import { SessionLogout } from './session-logout';

/**
 * The end-session endpoint (RP-Initiated Logout 1.0) and back-channel logout delivery
 * (Back-Channel Logout 1.0). `SessionLogout` is exported for tools that end sessions themselves.
 */
@Module({
  imports: [ConfigModule.forFeature(logoutConfig), HttpModule.register({ maxRedirects: 0 })],
  controllers: [LogoutController],
  providers: [
    LogoutFlow,
    IdTokenHintVerifier,
    PostLogoutRedirects,
    SessionLogout,
    BackchannelNotifier,
    OutboundDelivery,
    NativeSsoLogout,
    SessionExpiryNotifier,
  ],
  exports: [SessionLogout],
})
export class LogoutModule {}
