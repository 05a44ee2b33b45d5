#!/usr/bin/env node
// The `tiendo` command: runs the bundled tool (built by scripts/build-cli.mjs).
import { main } from '../dist/cli/tiendo.mjs';

process.exitCode = await main(process.argv.slice(2));
