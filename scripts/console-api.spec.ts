import { generateConsoleApi } from './console-api';

/** The console's typed client (apps/admin/web/src/api) must match the services' documents: regenerate with `npm run console:api`. */
describe('the console API typings', () => {
  it('are up to date with the OpenAPI documents', async () => {
    const { status, output } = await generateConsoleApi(true);
    expect({ status, output }).toEqual({ status: 0, output: '' });
  }, 120_000);
});
