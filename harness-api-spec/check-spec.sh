#!/usr/bin/env bash
# Quick check of one OpenAPI document with the same parser the build's validation test uses,
# without running Maven. Needs one prior build (it reads the test classpath Maven wrote).
# Usage: harness-api-spec/check-spec.sh harness-api-spec/src/main/resources/openapi/sei-v1.yaml
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cp_file="$here/target/test-classpath.txt"
[ -f "$cp_file" ] || { echo "run ./mvnw -pl harness-api-spec -am test-compile once first" >&2; exit 2; }
exec java -cp "$here/target/test-classes:$(cat "$cp_file")" \
  io.github.harnessreactive.spec.SpecCheck "$@"
