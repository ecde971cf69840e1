import { readReportSecret } from '@tierlens/reports';
import { createUnsubscribeHandlers } from '@/features/reports/server/unsubscribe-handlers';
import { getDb } from '@/server/db';
import { publicUrl } from '@/server/public-url';

export const dynamic = 'force-dynamic';

/** The signed unsubscribe link of the weekly email (GET: confirm; POST: one-click and the confirm button). */
export const { GET, POST } = createUnsubscribeHandlers({ db: getDb, secret: () => readReportSecret(), dashboardUrl: publicUrl });
