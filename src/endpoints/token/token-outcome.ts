import type { AuthleteEnvelope } from '../../authlete/types';
import type { TokenRouteAction } from './token.actions';

/** The outcome the token route hands to the action map. */
export type TokenOutcome = AuthleteEnvelope<TokenRouteAction>;
