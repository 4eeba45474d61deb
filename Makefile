# DeskPhone — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian packages the build, the lab and the tests need (see docs/ARCHITECTURE.md, "Real peers").
DEB_PACKAGES := kamailio baresip-core sip-tester sox alsa-utils ffmpeg python3 dnsmasq libopus0
# The Pi firmware's cross build (Native AOT for linux-arm64) and its check under user-mode qemu.
PI_PACKAGES := clang lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static \
  libc6:arm64 libssl3:arm64 libopus0:arm64
# `make image` and `make image-check` only (long; not part of `make test`).
IMAGE_PACKAGES := mmdebstrap arch-test qemu-user-static dosfstools mtools e2fsprogs fdisk passwd systemd
IMAGE_CHECK_PACKAGES := qemu-system-arm kamailio baresip-core sip-tester mtools fdisk e2fsprogs \
  openssh-client iproute2 systemd
CONFIGURATION ?= Debug

.PHONY: help deps build test run conformance bench bench-compare publish-pi pi-selftest image image-check clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: ## install the Debian packages the tests and the demo need (idempotent)
	@scripts/deps.sh $(DEB_PACKAGES) $(PI_PACKAGES)

build: ## build every project
	dotnet build DeskPhone.sln -c $(CONFIGURATION) -nologo -v quiet

test: deps build ## every test: unit, interop against real Kamailio and baresip, the arm64 build under qemu
	@scripts/publish-pi.sh
	@scripts/pi-selftest.sh
	@scripts/test.sh $(CONFIGURATION)

run: deps build ## the phone in the terminal simulator as 101, a lab PBX, and a demo peer at 200
	@scripts/demo.sh $(CONFIGURATION)

conformance: build ## send the RFC 4475 / RFC 5118 torture corpora to the headless phone
	@scripts/conformance.sh $(CONFIGURATION)

bench: ## every BenchmarkDotNet benchmark (short job, Release) and the added-latency measurement; reports in artifacts/bench/ (~8 min)
	@scripts/deps.sh libopus0
	dotnet build tests/DeskPhone.Benchmarks/DeskPhone.Benchmarks.csproj -c Release -nologo -v quiet
	dotnet run -c Release --no-build --project tests/DeskPhone.Benchmarks -- --filter '*' --job short --inProcess --artifacts artifacts/bench/benchmarkdotnet
	@mkdir -p artifacts/bench
	set -o pipefail; dotnet tests/DeskPhone.Benchmarks/bin/Release/net10.0/DeskPhone.Benchmarks.dll --latency 1000 | tee artifacts/bench/latency.md

bench-compare: ## our firmware (Native AOT) against baresip side by side; table into docs/performance.md (~15 min, root)
	@scripts/deps.sh kamailio baresip-core sip-tester sox ffmpeg tcpdump iproute2 clang python3
	@scripts/bench-compare/run.sh

publish-pi: ## the firmware for the Raspberry Pi (linux-arm64, Native AOT), cross-built here
	@scripts/publish-pi.sh

pi-selftest: publish-pi ## the arm64 firmware's --self-test under qemu-aarch64-static
	@scripts/pi-selftest.sh

image: ## the Raspberry Pi SD-card image (long; see image/README.md)
	@scripts/deps.sh $(IMAGE_PACKAGES)
	@image/build-image.sh

image-check: ## boot the image under qemu-system-aarch64 inside a closed network namespace
	@scripts/deps.sh $(IMAGE_CHECK_PACKAGES)
	@image/check-image.sh

clean: ## remove build output and the demo's working folder
	dotnet clean DeskPhone.sln -nologo -v quiet
	rm -rf .lab
