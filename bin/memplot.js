#!/bin/sh
':' //; d="$(dirname "$(readlink -f "$0")")/../dist/snapshot"; if [ "$1" != stats ] && [ "$1" != print ] && [ -z "$NODE_OPTIONS" ] && read -r id flags 2>/dev/null <"$d/memplot.node" && [ "$id" = "$(stat -L -c %s-%Y "$(command -v node)")" ]; then exec node $flags --snapshot-blob "$d/memplot.blob" -- "$@"; fi; exec node "$0" "$@"
// The memplot command. As a shell script (the line above, which JavaScript reads as a string and
// a comment) it starts Node from the CLI's start-up snapshot that `npm run build` makes
// (src/cli/build-snapshot.ts), with the renderer loaded already, when the snapshot was built by
// this Node binary and NODE_OPTIONS sets nothing (V8 flags would make it unloadable). `stats` and
// `print` draw nothing and run faster without it. Otherwise, and when run as
// `node bin/memplot.js`, it runs the compiled modules.
import { runCli } from '../dist/src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
