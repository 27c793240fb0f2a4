import { Module } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { AuthorizationController } from './authorization.controller';
import { AuthorizationFlow } from './authorization-flow';
import { AuthorizationIssuer } from './authorization-issuer';
import { AuthorizationService } from './authorization.service';
import { BrowserErrorPages } from './browser-error-pages';
import { DecisionService } from './decision.service';
import { InteractionPages } from './interaction-pages';
import { LoginStep } from './login-step';
import { PageBranding } from '../../interaction/page-branding';
import { PasswordLogin } from '../../interaction/password-login';

/** Authorization endpoint, login and consent pages (RFC 6749 §3.1, OIDC Core §3.1.2; design.md §6). */
@Module({
  controllers: [AuthorizationController, AssetsController],
  providers: [
    AuthorizationService,
    AuthorizationFlow,
    AuthorizationIssuer,
    InteractionPages,
    DecisionService,
    LoginStep,
    PasswordLogin,
    PageBranding,
    BrowserErrorPages,
  ],
})
export class AuthorizationModule {}
