import { exportLitellmConfig, exportPortkeyConfig, exportTierlensPolicy } from '@tierlens/analyzer';
import { z } from 'zod';
import type { Db } from '@tierlens/db';
import { loadEnabledRules } from './rule-services';

export const ZRuleExportFormat = z.enum(['tierlens', 'litellm', 'portkey']);
export type RuleExportFormat = z.infer<typeof ZRuleExportFormat>;

/** The enabled rules in the format of where the user routes, as a file to copy or download. */
export async function exportRules(db: Db, projectId: string, format: RuleExportFormat, now: Date) {
  const rules = await loadEnabledRules(db, projectId);
  if (format === 'tierlens') {
    return { filename: 'tierlens-policy.json', mime: 'application/json', content: JSON.stringify(exportTierlensPolicy(rules, { generatedAt: now }), null, 2), omitted: [] };
  }
  if (format === 'litellm') {
    const out = exportLitellmConfig(rules);
    return { filename: 'litellm-config.yaml', mime: 'application/yaml', content: out.yaml, omitted: out.omitted };
  }
  return { filename: 'portkey-config.json', mime: 'application/json', content: JSON.stringify(exportPortkeyConfig(rules).config, null, 2), omitted: [] };
}
