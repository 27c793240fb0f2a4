/**
 * The claims each standard scope value stands for (OpenID Connect Core 1.0 §5.4). Both sides need
 * the same table: the engine expands scopes into claims for ID tokens and UserInfo, the service
 * groups requested claims under their scope on the consent page.
 */
export const SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};
