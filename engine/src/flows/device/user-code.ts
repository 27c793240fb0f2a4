import { randomInt } from 'node:crypto';
import type { DeviceFlowSettings } from '../../model/service';

/** RFC 8628 §6.1: consonants only, so no word can be spelt and no vowel confused. */
const BASE20 = 'BCDFGHJKLMNPQRSTVWXZ';
const DIGITS = '0123456789';

/** A random user code in the service's charset and length (Authlete `userCodeCharset`). */
export function newUserCode(settings: DeviceFlowSettings): string {
  const alphabet = settings.userCodeCharset === 'BASE20' ? BASE20 : DIGITS;
  let code = '';
  for (let index = 0; index < settings.userCodeLength; index += 1) {
    code += alphabet.charAt(randomInt(alphabet.length));
  }
  return code;
}
