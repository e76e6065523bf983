import { ConfigError, parseEnv, serviceEnvSchema } from './env';

describe('service env', () => {
  it('falls back to the local defaults and splits the broker list', () => {
    const env = parseEnv(serviceEnvSchema(3001), { KAFKA_BROKERS: 'a:9092, b:9092' });
    expect(env.PORT).toBe(3001);
    expect(env.KAFKA_BROKERS).toEqual(['a:9092', 'b:9092']);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it('names every invalid variable', () => {
    expect(() => parseEnv(serviceEnvSchema(3001), { PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => parseEnv(serviceEnvSchema(3001), { PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(/PORT[\s\S]*JWT_SECRET|JWT_SECRET[\s\S]*PORT/);
  });
});
