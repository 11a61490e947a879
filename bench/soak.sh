#!/usr/bin/env bash
# Soak benchmark (see bench/Soak/Program.cs): builds, then trains 20,000 steps at low priority, sampling resident
# memory and live tensors; extra arguments go to the benchmark (e.g. --steps 2000 --epoch-steps 200 for a quick look).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/bench/Soak/ModelZoo.Bench.Soak.csproj" -c Release -nologo -v quiet >/dev/null
exec nice -n 10 dotnet "$root/bench/Soak/bin/Release/net10.0/soak.dll" "$@"
