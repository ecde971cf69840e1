// Budgets, spend anomalies and their notifications (email, Slack, signed webhooks), each event
// claimed once in Postgres however many processes run the scheduler.
export { ZAlertEvent, ZBudgetThresholdEvent, ZSpendAnomalyEvent, type AlertEvent, type BudgetThresholdEvent, type SpendAnomalyEvent } from './alert-event.ts';
export { alertMessage } from './alert-message.ts';
export { createAlertScheduler, type AlertScheduler, type AlertSchedulerOptions, type AlertTick } from './alert-scheduler.ts';
export { NOTIFICATION_LEASE_MS, NOTIFICATION_MAX_ATTEMPTS, deliverNotifications, notificationBackoffMs } from './deliver-notifications.ts';
export { detectAnomalies } from './detect-anomalies.ts';
export { evaluateBudgets, type BudgetRecord, type BudgetView } from './evaluate-budgets.ts';
export { listAllBudgets, listBudgets } from './list-budgets.ts';
export { ChannelSendError, sendToChannel, type AlertChannel } from './send-to-channel.ts';
export { WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS, signWebhook, verifyWebhookSignature, type WebhookVerification } from './sign-webhook.ts';
