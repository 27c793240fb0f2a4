import { EngineConfigError } from '../index';
import { loadEngineSettings } from '../src/config/load-config';
import { CONFIG_PATH, demoConfig } from './harness';

describe('client logoUri', () => {
  it('roots a path on the service issuer, so shipped logos follow the server', () => {
    const settings = loadEngineSettings(CONFIG_PATH, 'http://localhost:9999/');
    expect(settings.clients.find('demo-web')?.metadata.logoUri).toBe(
      'http://localhost:9999/assets/logos/demo-web.svg',
    );
  });

  it('keeps an absolute URL as configured', () => {
    const config = demoConfig();
    config.clients[0]!.logoUri = 'https://cdn.example/logo.png';
    expect(loadEngineSettings(config).clients.find('demo-web')?.metadata.logoUri).toBe(
      'https://cdn.example/logo.png',
    );
  });

  it.each(['//cdn.example/logo.png', 'logo.png'])('rejects %p', (logoUri) => {
    const config = demoConfig();
    config.clients[0]!.logoUri = logoUri;
    expect(() => loadEngineSettings(config)).toThrow(EngineConfigError);
  });
});
