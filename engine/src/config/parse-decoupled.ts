import { DELIVERY_MODES, USER_CODE_CHARSETS } from '../model/enums';
import type { CibaSettings, DeviceFlowSettings } from '../model/service';
import type { ConfigObject } from './config-reader';

/**
 * RFC 8628 settings of the service (Authlete `Service.deviceFlowCodeDuration`,
 * `deviceFlowPollingInterval`, `userCodeCharset`, `userCodeLength`), in seconds. The user code is
 * 8 BASE20 letters by default (RFC 8628 §6.1: about 34 bits with a 20-letter alphabet).
 */
export function parseDeviceFlow(reader: ConfigObject): DeviceFlowSettings {
  const userCodeCharset = reader.optionalEnum('userCodeCharset', USER_CODE_CHARSETS) ?? 'BASE20';
  return {
    codeDuration: reader.integer('deviceFlowCodeDuration', 600, 1),
    pollingInterval: reader.integer('deviceFlowPollingInterval', 5, 0),
    userCodeCharset,
    userCodeLength: reader.integer('userCodeLength', userCodeCharset === 'BASE20' ? 8 : 9, 6),
  };
}

/**
 * CIBA settings of the service (OpenID Connect CIBA Core §4; Authlete
 * `supportedBackchannelTokenDeliveryModes`, `backchannelUserCodeParameterSupported`,
 * `backchannelAuthReqIdDuration`, `backchannelPollingInterval`), durations in seconds.
 */
export function parseCiba(reader: ConfigObject): CibaSettings {
  return {
    deliveryModes: new Set(
      reader.enumArray('supportedBackchannelTokenDeliveryModes', DELIVERY_MODES, []),
    ),
    userCodeParameterSupported: reader.boolean('backchannelUserCodeParameterSupported', false),
    authReqIdDuration: reader.integer('backchannelAuthReqIdDuration', 600, 1),
    pollingInterval: reader.integer('backchannelPollingInterval', 5, 0),
  };
}
