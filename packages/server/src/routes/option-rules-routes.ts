import { apiProfile, findOptionRule, optionRuleJson, optionRulesErrorJson, SeaTunnelError } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';

/**
 * GET /option-rules?type=&plugin= (3.0, apache/seatunnel#10585): an installed connector's option
 * rule. OptionRulesServlet answers its own errors (400 bad parameters, 404 unknown plugin) as
 * `{"status":"FAIL","message":…}`, not through the exception filter.
 */
export async function getOptionRules(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const served = apiProfile(services.config.api.profile).zeta.optionRuleTypes;
  try {
    return { kind: 'raw-json', text: optionRuleJson(findOptionRule(req.query['type'], req.query['plugin'], served)) };
  } catch (error) {
    if (!(error instanceof SeaTunnelError)) throw error;
    return { kind: 'raw-json', status: error.httpStatus, text: optionRulesErrorJson(error.detail ?? '') };
  }
}
