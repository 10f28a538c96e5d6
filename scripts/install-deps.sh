#!/usr/bin/env bash
# Installs the Debian packages and npm modules keikaku needs, only those missing.
# Usage: scripts/install-deps.sh [build|test|bench|fuzz]   (test adds to build, bench adds to test,
# fuzz adds clang and libFuzzer to build)
set -euo pipefail
mode=${1:-build}
cd "$(dirname "$0")/.."

build_pkgs=(cmake g++ make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libyaml-dev libsass-dev
  libctemplate-dev libcpp-httplib-dev libcli11-dev libicu-dev catch2 zlib1g-dev libbrotli-dev
  libmecab-dev mecab-ipadic-utf8 kanjidic-xml libmimalloc-dev)
# GNU time: the peak memory of builds of absurd content (tests/e2e/build_limits.test.sh) and
# of the benchmark's synthetic sites (bench/scale.sh).
# poppler-utils: pdftotext and pdfinfo read the PDFs that tests/browser/print.test.mjs prints.
# fonts-noto-cjk: a Japanese font for Chromium ("Noto Sans CJK JP" is in the theme's font
# list). Without one, Chromium draws kanji with no font of their own: the printed PDFs lose
# the first character of each ruby word and their page counts mean nothing.
test_pkgs=(chromium nodejs npm default-jre-headless time poppler-utils fonts-noto-cjk)
# bench/scale.sh: Hugo to compare with.
bench_pkgs=(hugo)
# make fuzz: clang 14 and its runtime libraries, which hold libFuzzer (libclang_rt.fuzzer-x86_64.a).
fuzz_pkgs=(clang libclang-rt-14-dev)

pkgs=("${build_pkgs[@]}")
case $mode in
  test) pkgs+=("${test_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  fuzz) pkgs+=("${fuzz_pkgs[@]}") ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  # nodejs/npm may come from outside Debian (e.g. a preinstalled toolchain): accept the commands.
  case $p in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
    # The Nu Html Checker (vnu-jar from npm) runs on any Java 11+ already present.
    default-jre-headless) command -v java >/dev/null && continue ;;
    # Any hugo already on PATH will do (bench/scale.sh prints its version).
    hugo) command -v hugo >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$mode" = test ] || [ "$mode" = bench ]; then
  # Browser-test modules (bench/gen-site.mjs uses their `yaml`), versions pinned by tests/browser/package-lock.json.
  if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
    touch tests/browser/node_modules
  fi
fi
