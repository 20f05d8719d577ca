import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { TenantOverviewReader } from '../../commands/tenant-overview.js';
import { tenantKey } from '../../domain/tenancy.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { appHomeView } from './app-home-view.js';
import { slackErrorCode } from './slack-failure.js';

export interface AppHomeDeps {
  client: Pick<WebClient, 'views'>;
  overview: TenantOverviewReader;
  /** The workspace of the bot's own token (`slack:T…`): config channels belong to it. */
  installTenant(): string | undefined;
  logger: Logger;
}

/**
 * `app_home_opened`: publishes the Home tab for the person who opened it, built from their own
 * workspace's overview (the event's team). Bolt acknowledges events itself; a failure to
 * publish is logged and the next opening tries again.
 */
export function appHomeListener(deps: AppHomeDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab && event.tab !== 'home') return;
    const team = (body as { team_id?: string }).team_id;
    if (!team) {
      deps.logger.warn({ userId: event.user }, 'app_home_opened without a team; Home tab not published');
      return;
    }
    try {
      const install = deps.installTenant();
      const overview = await deps.overview(tenantKey('slack', team), install ? { install: { slack: install } } : {});
      await deps.client.views.publish({ user_id: event.user, view: appHomeView(overview) });
    } catch (error) {
      deps.logger.error(
        { userId: event.user, error: slackErrorCode(error) ?? errorMessage(error) },
        'could not publish the Slack Home tab',
      );
    }
  };
}
