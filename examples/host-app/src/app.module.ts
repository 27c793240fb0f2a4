import { Controller, Get, Module, Req } from '@nestjs/common';
import {
  type AccessTokenPrincipal,
  AuthorizationServerModule,
  RequireScopes,
  ResourceServerModule,
} from 'nestjs-oauth-server';
import { MemberAuthenticator } from './member-authenticator';
import { MemberDirectory } from './member-directory';

/** The host's members module (not global: the server gets it through `imports`). */
@Module({ providers: [MemberDirectory], exports: [MemberDirectory] })
export class MembersModule {}

/** An API of the host protected by the bearer guard. */
@Controller('orders')
export class OrdersController {
  @Get()
  @RequireScopes('profile')
  list(@Req() request: { user: AccessTokenPrincipal }) {
    return { owner: request.user.subject, orders: [] };
  }

  @Get('admin')
  @RequireScopes('email')
  admin() {
    return { admin: true };
  }
}

/** The host application: the authorization server, its own user store, its own API. */
@Module({
  imports: [
    MembersModule,
    AuthorizationServerModule.forRootAsync({
      imports: [MembersModule],
      useFactory: () => ({ userAuthenticator: MemberAuthenticator }),
    }),
    ResourceServerModule.forRoot(),
  ],
  controllers: [OrdersController],
})
export class AppModule {}
