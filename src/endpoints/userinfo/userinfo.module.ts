import { Module } from '@nestjs/common';
import { UserinfoController } from './userinfo.controller';
import { UserinfoService } from './userinfo.service';

/** UserInfo endpoint module (OIDC Core §5.3). */
@Module({ controllers: [UserinfoController], providers: [UserinfoService] })
export class UserinfoModule {}
