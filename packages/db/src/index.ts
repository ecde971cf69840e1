// Data access used by every app. Start-up concerns (embedded Postgres, migrations) live in
// `@tierlens/db/runtime` so the web bundle does not pull them in.
export { createDb, type Db } from './client.ts';
export { createApiKey, revokeApiKey, hashApiKey, generateApiKeySecret, type CreatedApiKey } from './api-keys.ts';
export { createOrganization, createProject, ROLES, type Role } from './organizations.ts';
export { Prisma } from './generated/prisma/client.ts';
export { PRICE_OVERRIDE_CACHE_MS } from './price-override-freshness.ts';
// Budgets, notification deliveries and spend anomalies.
export { loadBudgetDailySpend, type BudgetScope } from './alerts/budget-spend.ts';
export { claimDueNotifications, enqueueNotification, recordNotificationOutcome, type ClaimedNotification, type NotificationKind } from './alerts/notification-deliveries.ts';
export { loadActiveSpendSeries, loadDriverSpend, recordSpendAnomaly, type ProjectSpendSeries } from './alerts/spend-anomalies.ts';
