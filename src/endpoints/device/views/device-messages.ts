/** The texts of the device verification pages (English; the login and consent pages are shared). */
export const DEVICE_MESSAGES = {
  lang: 'en',
  codeTitle: 'Connect a device',
  codeLead: 'Enter the code shown on your device.',
  codeLabel: 'Code',
  confirmLead: 'Check that this is the code shown on your device, then continue.',
  continue: 'Continue',
  notFound: 'That code was not recognised. Check it and try again.',
  expired: 'That code has expired. Start again on your device to get a new one.',
  tooMany: (seconds: number) =>
    `Too many wrong codes. Try again in ${Math.ceil(seconds / 60)} minutes.`,
  badForm: 'This form has expired. Enter the code again.',
  approvedTitle: 'Device connected',
  approved: 'You can return to your device now.',
  deniedTitle: 'Access denied',
  denied: 'The device was not given access. You can close this page.',
  failedTitle: 'Something went wrong',
  failed: 'The code could not be confirmed. Start again on your device.',
} as const;
