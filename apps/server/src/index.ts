export { buildApp, BODY_LIMIT, type AppDeps } from './app.js';
export { createContainer, type Container, type Services } from './container.js';
export { loadConfig, describeConfig, ConfigError, type Config } from './config/config.js';
export { createDatabase, migrateToLatest, type DatabaseHandle } from './db/database.js';
export { startServer, type RunningServer } from './main.js';
