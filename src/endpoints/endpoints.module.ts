import { Module } from '@nestjs/common';
import { AuthorizationModule } from './authorization/authorization.module';
import { CibaModule } from './ciba/ciba.module';
import { DeviceModule } from './device/device.module';
import { DiscoveryModule } from './discovery/discovery.module';
import { GrantManagementModule } from './grant-management/grant-management.module';
import { IntrospectionModule } from './introspection/introspection.module';
import { LogoutModule } from './logout/logout.module';
import { ParModule } from './par/par.module';
import { RegistrationModule } from './registration/registration.module';
import { RevocationModule } from './revocation/revocation.module';
import { TokenModule } from './token/token.module';
import { UserinfoModule } from './userinfo/userinfo.module';
import { VciModule } from './vci/vci.module';

/**
 * The endpoint list: one line per endpoint module (`src/endpoints/<name>/`). Adding an endpoint is
 * its folder plus one line here; routes declare their own policy (`@RateLimitClass`,
 * `@UnavailableAs503`) and lint finds the folder by itself (docs/architecture.md, "How to add an
 * endpoint"). The operational routes (`/health/*`, `/metrics`) are listed apart, in
 * `ProbeRoutesModule`, because the route prefix never applies to them.
 */
@Module({
  imports: [
    AuthorizationModule,
    LogoutModule,
    DiscoveryModule,
    TokenModule,
    IntrospectionModule,
    RevocationModule,
    UserinfoModule,
    ParModule,
    RegistrationModule,
    GrantManagementModule,
    VciModule,
    DeviceModule,
    CibaModule,
  ],
})
export class EndpointsModule {}
