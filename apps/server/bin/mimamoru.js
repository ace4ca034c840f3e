#!/usr/bin/env node
// Entry point of the `mimamoru` command; run `npm run build` first (compiles to ../dist).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
