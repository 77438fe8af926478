#!/usr/bin/env node
// npm create outflow-connector <name>: scaffolds an Outflow connector package in the current folder.
import { runCreateCli } from '../src/cli.js';

process.exitCode = runCreateCli(process.argv.slice(2), { out: console.log, err: console.error, cwd: process.cwd() });
