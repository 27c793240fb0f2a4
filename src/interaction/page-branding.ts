import { Inject, Injectable } from '@nestjs/common';
import { appConfig, type AppConfig } from '../config/app.config';
import { RoutePrefix } from '../config/route-prefix';
import type { PageFrame } from './views/page-frame';

/**
 * Names the service on every page (WCAG 2.1 SC 2.4.2 page titles): the `serviceName` Authlete
 * reports with each authorization request (authlete-api.md §4.1 `service`), remembered so that
 * error pages, which have no such response, carry the same name; before the first request, the
 * issuer's host. Also knows the service's own origin, where the shipped logos are served, and the
 * route prefix of its own links.
 */
@Injectable()
export class PageBranding {
  private readonly ownOrigin: string;
  private serviceName: string;
  /** The route prefix the service's own paths start with (`''` or `/oauth`). */
  readonly basePath: string;

  constructor(@Inject(appConfig.KEY) config: AppConfig, prefix: RoutePrefix) {
    this.basePath = prefix.path;
    const issuer = new URL(config.issuer);
    this.ownOrigin = issuer.origin;
    this.serviceName = issuer.host;
  }

  /** The frame for a page; `reported` is the name Authlete sent with this request, if any. */
  frame(reported?: string): PageFrame {
    const name = reported?.trim();
    if (name) this.serviceName = name.slice(0, 200);
    return { serviceName: this.serviceName, ownOrigin: this.ownOrigin, basePath: this.basePath };
  }
}
