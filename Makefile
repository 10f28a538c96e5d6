# keikaku — two commands do everything on a fresh Debian 12 machine:
#   make site   installs what is missing, builds build/keikaku, renders content/ into site/
#   make serve  the same, then previews content/ at http://127.0.0.1:8080/ while you edit
#   make test   installs what is missing, builds, runs every test (unit, ASan/UBSan, e2e, browser)
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: all deps test-deps build build-asan build-tsan test-tsan build-fuzz fuzz site serve test test-unit test-asan bench a11y-results clean

all: build

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

build: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build build -j $(JOBS)

build-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKEIKAKU_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS) --target keikaku_tests keikaku

# ThreadSanitizer: the parallel load, render and write, and the incremental rebuild (not part
# of `make test`: the build takes about ten minutes on two cores).
build-tsan: deps
	@cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DKEIKAKU_SANITIZE_THREAD=ON >/dev/null
	@cmake --build build-tsan -j $(JOBS) --target keikaku_tests

test-tsan: build-tsan
	TSAN_OPTIONS=halt_on_error=1 ./build-tsan/keikaku_tests "[parallel],[output],[precompress],[incremental],[build]"

# Fuzzing (not part of `make test`): libFuzzer targets for every parser of untrusted text
# (fuzz/*_fuzz.cc, docs/robustness.md), built with clang, ASan and UBSan in build-fuzz/.
# Each target runs FUZZ_SECONDS seconds on its corpus (build-fuzz/corpus/TARGET/, seeded
# from content/ and tests/); inputs that crash, hang (> 10 s) or leak go to
# build-fuzz/crashes/TARGET/ and make the run fail.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(patsubst fuzz/%_fuzz.cc,fuzz_%,$(wildcard fuzz/*_fuzz.cc))

build-fuzz:
	@scripts/install-deps.sh fuzz
	@cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DKEIKAKU_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS)

fuzz: build-fuzz
	@fuzz/seed.sh build-fuzz
	@fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

site: build
	./build/keikaku build --source content --output site

serve: build
	./build/keikaku serve --source content

test: test-deps build build-asan
	@echo "== tests (release build: unit, end-to-end, browser)"
	cd build && ctest --output-on-failure --no-tests=error -j $(JOBS)
	@echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer build: unit, end-to-end)"
	cd build-asan && ctest --output-on-failure --no-tests=error -j $(JOBS)

# Benchmarks: build time with and without automatic furigana (bench/build.sh), the rebuild
# after one saved file (bench/rebuild.sh), the preview's save-to-reload time with inotify and
# with polling (bench/serve-reload.mjs), and build time, CPU time and peak memory of
# synthetic sites of 1,000 and 10,000 pages, with Hugo on the same pages (bench/scale.sh;
# BENCH_LARGE=1 adds 100,000). See docs/performance.md.
bench: build
	@scripts/install-deps.sh bench
	@cmake --build build -j $(JOBS) --target keikaku_bench_rebuild >/dev/null
	@bench/build.sh build/keikaku
	@bench/rebuild.sh build/keikaku_bench_rebuild
	@node bench/serve-reload.mjs $(CURDIR)/build/keikaku $(CURDIR)
	@node bench/serve-reload.mjs $(CURDIR)/build/keikaku $(CURDIR) 11 --poll
	@node bench/serve-reload.mjs $(CURDIR)/build/keikaku $(CURDIR) 21 --synthetic 1000
	@bench/scale.sh build/keikaku

# Re-tests every page in Chromium and updates content/accessibility-results.json, the
# figures of the ウェブアクセシビリティ方針 page (commit the file).
a11y-results: test-deps build
	@scripts/a11y-results.sh build/keikaku

clean:
	rm -rf build build-asan build-tsan build-fuzz
